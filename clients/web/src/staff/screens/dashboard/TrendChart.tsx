import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: (number | null)[];
}

const palette = ['#0b5fff', '#0f7b3f', '#b45309', '#7c3aed', '#be123c', '#0e7490'];

/** A line per shop over the range's days (uPlot), with a table of the same numbers for screen readers. */
export function TrendChart(props: { title: string; days: string[]; series: Series[]; format(value: number): string }) {
  const container = useRef<HTMLDivElement>(null);
  const { days, series, format } = props;

  useEffect(() => {
    const element = container.current;
    if (!element || days.length === 0) return;
    const xs = days.map((d) => Date.parse(`${d}T12:00:00`) / 1000);
    const chart = new uPlot(
      {
        width: element.clientWidth || 480,
        height: 200,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          { stroke: '#5b6474', grid: { stroke: '#eef2f7' } },
          { stroke: '#5b6474', grid: { stroke: '#eef2f7' }, values: (_u, ticks) => ticks.map((t) => format(t)), size: 70 },
        ],
        series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: palette[i % palette.length], width: 2, points: { show: days.length < 20 }, value: (_u: uPlot, v: number | null) => (v === null ? '—' : format(v)) }))],
      },
      [xs, ...series.map((s) => s.values)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: 200 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, series, format]);

  return (
    <figure className="card chart">
      <figcaption><h3>{props.title}</h3></figcaption>
      <div ref={container} aria-hidden="true" />
      <table className="visually-hidden">
        <caption>{props.title}</caption>
        <thead>
          <tr><th scope="col">Day</th>{series.map((s) => <th key={s.label} scope="col">{s.label}</th>)}</tr>
        </thead>
        <tbody>
          {days.map((d, row) => (
            <tr key={d}><th scope="row">{d}</th>{series.map((s) => <td key={s.label}>{s.values[row] === null ? '—' : format(s.values[row]!)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
