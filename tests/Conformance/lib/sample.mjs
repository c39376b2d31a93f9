// Values for every member of a shape (recursively), each distinct, so that a member read into the wrong
// place or not at all shows in a comparison. Wire form (AWS JSON 1.1): timestamps are epoch seconds.
export function createSampler() {
  let counter = 0;
  function sample(type, memberName, shapes, path = []) {
    counter++;
    switch (type.Type) {
      case 'string': return `${memberName}-${counter}`;
      case 'integer': case 'long': case 'numeric': return counter;
      // Exactly representable in a float32 too, so no model's float rounding can hide a difference.
      case 'float': case 'double': return counter + 0.25;
      case 'boolean': return counter % 2 === 0;
      // Half seconds: exact in a .NET DateTime, a JS Date and a double.
      case 'timestamp': return 1700000000 + counter * 1000 + 0.5;
      case 'list': return [sample(type.Element, memberName, shapes, path), sample(type.Element, memberName, shapes, path)];
      case 'map': return { [`${memberName}Key${counter}`]: sample(type.Value, memberName, shapes, path) };
      case 'structure': {
        if (path.includes(type.Shape)) return undefined; // a recursive shape: one level is enough
        const result = {};
        for (const member of shapes[type.Shape].Members) {
          const value = sample(member, member.Name, shapes, [...path, type.Shape]);
          if (value !== undefined) result[member.Name] = value;
        }
        return result;
      }
      default: throw new Error(`No sample value for a member of type ${type.Type} (${memberName})`);
    }
  }
  return sample;
}
