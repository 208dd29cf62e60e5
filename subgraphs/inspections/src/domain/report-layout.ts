import { flagDefinition, type FlagDefinition } from '@cip/platform';
import type { ReportLayout } from '../data/inspection';

/** The experiment on the customer's report page: each sent inspection is one unit, assigned when it is sent. */
export const reportExperiment = flagDefinition('inspections.photo-first-report') as FlagDefinition<'control' | 'photos'>;

export const layoutOf = (value: 'control' | 'photos'): ReportLayout => (value === 'photos' ? 'PHOTOS_FIRST' : 'RECOMMENDATIONS_FIRST');
