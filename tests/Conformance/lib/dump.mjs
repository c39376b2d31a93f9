// The conformance dump: the one JSON form in which both the AWS SDK's objects and IRSteps' objects are
// written before they are compared (tests/Conformance/Conformance.ps1 has the PowerShell half).
//   - absent members are absent (undefined/null never written);
//   - non-finite numbers are the strings "NaN", "Infinity", "-Infinity";
//   - timestamps are epoch seconds, rounded to the millisecond (a JS Date holds no more);
//   - lists stay in order; the SDK's $metadata is not a member and is dropped.
export function toDump(value) {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return value;
  }
  if (value instanceof Date) return Math.round(value.getTime()) / 1000;
  if (Array.isArray(value)) return value.map(toDump);
  if (typeof value === 'object') {
    const result = {};
    for (const [name, member] of Object.entries(value)) {
      if (name === '$metadata') continue;
      const dumped = toDump(member);
      if (dumped !== undefined) result[name] = dumped;
    }
    return result;
  }
  return value;
}
