// Picks each element's value among the VIN patterns the way vPIC's own decoder (spVinDecode) does, over
// the same NHTSA tables the offline data ships. The offline package ranks candidates by its own
// confidence score, which lets a sibling schema win (an F-150 read as an F-550); vPIC instead keeps,
// per element, the pattern of the schema with the latest start year, then the most recently created
// pattern, then the less specific key, then the lower key.

/** Elements vPIC takes from the WMI or the input, never from a pattern. */
const notFromPatterns = new Set([26, 27, 29, 39]);
const modelElement = 28;

/** Positions 4–8, then "|" and positions 10–17: the string vPIC matches pattern keys against. */
export function patternKeys(vin) {
  return `${vin.slice(3, 8)}|${vin.slice(9, 17)}`;
}

/** The WMI: positions 1–3, or 1–3 and 12–14 for a manufacturer building fewer than 1,000 vehicles a year. */
export function wmiOf(vin) {
  return vin[2] === '9' ? `${vin.slice(0, 3)}${vin.slice(11, 14)}` : vin.slice(0, 3);
}

/**
 * A pattern key as a prefix regular expression: "*" is any one character, "[…]" a character class
 * (ranges allowed), anything else itself.
 */
export function keyPattern(keys) {
  let source = '^';
  for (let i = 0; i < keys.length; i++) {
    const ch = keys[i];
    if (ch === '*') source += '.';
    else if (ch === '[') {
      const end = keys.indexOf(']', i);
      if (end < 0) return null;
      source += `[${keys.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
      i = end;
    } else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(source, 'i');
}

const literalCount = (keys) => keys.replace(/\[[^\]]*\]/g, '#').replace(/\*/g, '').length;
const withoutBrackets = (keys) => keys.replace(/[[\]]/g, '');

/** Orders two candidates for one element; negative when `a` is the one vPIC keeps. */
export function comparePatterns(a, b) {
  if (a.yearFrom !== b.yearFrom) return b.yearFrom - a.yearFrom;
  if (a.createdOn !== b.createdOn) {
    if (a.createdOn === null) return -1;
    if (b.createdOn === null) return 1;
    return a.createdOn < b.createdOn ? 1 : -1;
  }
  const specificity = literalCount(a.keys) - literalCount(b.keys);
  if (specificity !== 0) return specificity;
  const ka = withoutBrackets(a.keys).toUpperCase();
  const kb = withoutBrackets(b.keys).toUpperCase();
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id - b.id;
}

const rows = (result) => {
  const first = result[0];
  if (!first) return [];
  return first.values.map((values) => Object.fromEntries(first.columns.map((column, i) => [column, values[i]])));
};

/**
 * Resolves pattern elements over an open vPIC database (a `DatabaseAdapter` of the offline package).
 * Schema patterns and lookup names are cached per process: a handful of schemas serve most VINs.
 */
export function createPatternResolver(adapter) {
  const elements = new Map();
  const schemaPatterns = new Map();
  const wmiSchemas = new Map();
  const lookups = new Map();
  let ready = null;

  async function loadElements() {
    const tables = new Set(rows(await adapter.exec("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r) => r.name));
    for (const e of rows(await adapter.exec('SELECT Id, Name, LookupTable, Decode, IsPrivate FROM Element'))) {
      if (!e.Decode || e.IsPrivate === 1 || notFromPatterns.has(e.Id)) continue;
      elements.set(e.Id, { name: e.Name, lookup: e.LookupTable && tables.has(e.LookupTable) ? e.LookupTable : null });
    }
  }

  async function schemasFor(wmi) {
    if (!wmiSchemas.has(wmi)) {
      const found = rows(
        await adapter.exec(
          `SELECT wv.VinSchemaId AS schemaId, wv.YearFrom AS yearFrom, wv.YearTo AS yearTo
             FROM Wmi w JOIN Wmi_VinSchema wv ON wv.WmiId = w.Id JOIN VinSchema vs ON vs.Id = wv.VinSchemaId
            WHERE w.Wmi = ? AND ifnull(vs.TobeQCed, 0) = 0`,
          [wmi],
        ),
      );
      wmiSchemas.set(wmi, found);
    }
    return wmiSchemas.get(wmi);
  }

  async function patternsOf(schemaId) {
    if (!schemaPatterns.has(schemaId)) {
      const found = rows(await adapter.exec('SELECT Id, Keys, ElementId, AttributeId, CreatedOn FROM Pattern WHERE VinSchemaId = ?', [schemaId]))
        .filter((p) => elements.has(p.ElementId))
        .map((p) => ({ id: p.Id, keys: p.Keys, elementId: p.ElementId, attributeId: p.AttributeId, createdOn: p.CreatedOn ?? null, regex: keyPattern(p.Keys) }));
      schemaPatterns.set(schemaId, found);
    }
    return schemaPatterns.get(schemaId);
  }

  async function lookupName(table, id) {
    const key = `${table}:${id}`;
    if (!lookups.has(key)) {
      const found = rows(await adapter.exec(`SELECT Name FROM "${table}" WHERE Id = ?`, [Number(id)]));
      lookups.set(key, found[0]?.Name ?? null);
    }
    return lookups.get(key);
  }

  /** The make vPIC joins to a decoded model, among the makes registered for the WMI. */
  async function makeOfModel(wmi, modelId) {
    const found = rows(
      await adapter.exec(
        `SELECT DISTINCT mk.Name AS name FROM Make_Model mm JOIN Make mk ON mk.Id = mm.MakeId
          WHERE mm.ModelId = ? AND mm.MakeId IN (SELECT wm.MakeId FROM Wmi w JOIN Wmi_Make wm ON wm.WmiId = w.Id WHERE w.Wmi = ?)`,
        [Number(modelId), wmi],
      ),
    );
    return found.length === 1 ? found[0].name : null;
  }

  async function schemasCovering(vin, modelYear) {
    return (await schemasFor(wmiOf(vin))).filter(
      (s) => modelYear === null || (modelYear >= s.yearFrom && (s.yearTo === null || modelYear <= s.yearTo)),
    );
  }

  return {
    /** Element name → value for `vin` in `modelYear`, or null when no schema of its WMI covers that year. */
    async resolve(vin, modelYear) {
      ready ??= loadElements();
      await ready;
      const keys = patternKeys(vin);
      const best = new Map();
      const schemas = await schemasCovering(vin, modelYear);
      if (schemas.length === 0) return null;
      for (const schema of schemas) {
        for (const pattern of await patternsOf(schema.schemaId)) {
          if (!pattern.regex?.test(keys)) continue;
          const candidate = { ...pattern, yearFrom: schema.yearFrom };
          const current = best.get(pattern.elementId);
          if (!current || comparePatterns(candidate, current) < 0) best.set(pattern.elementId, candidate);
        }
      }
      const values = {};
      const model = best.get(modelElement);
      if (model) {
        const make = await makeOfModel(wmiOf(vin), model.attributeId);
        if (make) values.Make = make;
      }
      for (const [elementId, pattern] of best) {
        const element = elements.get(elementId);
        const value = element.lookup ? await lookupName(element.lookup, pattern.attributeId) : pattern.attributeId;
        if (value !== null && value !== undefined && String(value).trim() !== '') values[element.name] = String(value);
      }
      return values;
    },

    /**
     * The model (and the make joined to it) when no Model pattern matched the whole VIN. The offline data often lacks the codes of
     * a newer powertrain or trim while it knows the model line, which manufacturers put in position 4:
     * the model is taken only when every Model pattern of the year's schemas that starts with that
     * character names the same model.
     */
    async modelOfLine(vin, modelYear) {
      ready ??= loadElements();
      await ready;
      const models = new Set();
      for (const schema of await schemasCovering(vin, modelYear)) {
        for (const pattern of await patternsOf(schema.schemaId)) {
          if (pattern.elementId === modelElement && pattern.keys[0]?.toUpperCase() === vin[3]) models.add(pattern.attributeId);
        }
      }
      if (models.size !== 1) return null;
      const [modelId] = models;
      const model = await lookupName('Model', modelId);
      const make = await makeOfModel(wmiOf(vin), modelId);
      return model ? { Model: model, ...(make ? { Make: make } : {}) } : null;
    },
  };
}
