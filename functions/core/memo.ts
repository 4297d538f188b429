// A pure string formatter remembered per input: a full build formats each article's dates in ~10
// outputs (head, month and tag archives in three formats, pages), and parsing a date costs more than
// a lookup. Pure, so the bytes do not change; emptied when full, so memory stays bounded.

export function rememberedPerInput(format: (input: string) => string, limit = 50_000): (input: string) => string {
  const known = new Map<string, string>();
  return (input) => {
    let out = known.get(input);
    if (out === undefined) {
      out = format(input);
      if (known.size >= limit) known.clear();
      known.set(input, out);
    }
    return out;
  };
}
