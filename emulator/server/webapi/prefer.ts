/** The Prefer header (docs/platform.md#requests-and-headers): return=representation, odata.maxpagesize, include-annotations, track-changes. */

export interface Prefer {
  maxPageSize?: number;
  /** Annotation filter as sent, e.g. "*" or "OData.Community.Display.V1.FormattedValue". */
  annotations?: string;
  returnRepresentation: boolean;
  trackChanges: boolean;
}

export function parsePrefer(header: string | null): Prefer {
  const prefer: Prefer = { returnRepresentation: false, trackChanges: false };
  // Values may be quoted lists ("a,b"), so split on commas outside quotes only.
  for (const match of (header ?? '').matchAll(/\s*([^,=\s]+)\s*(?:=\s*("[^"]*"|[^,]*))?/g)) {
    const name = match[1] ?? '';
    const value = (match[2] ?? '').trim().replace(/^"(.*)"$/, '$1');
    switch (name.toLowerCase()) {
      case 'odata.maxpagesize': {
        const n = Number(value);
        if (Number.isInteger(n) && n > 0) prefer.maxPageSize = n;
        break;
      }
      case 'odata.include-annotations':
        prefer.annotations = value;
        break;
      case 'return':
        prefer.returnRepresentation = value === 'representation';
        break;
      case 'odata.track-changes':
        prefer.trackChanges = true;
        break;
    }
  }
  return prefer;
}

/** Does the annotation filter (a comma list with * wildcards) let this annotation through? */
export function wantsAnnotation(filter: string | undefined, annotation: string): boolean {
  if (!filter) return false;
  return filter.split(/[\s,]+/).some((pattern) => {
    if (!pattern) return false;
    if (pattern === '*') return true;
    if (pattern.endsWith('.*')) return annotation.startsWith(pattern.slice(0, -1));
    return pattern === annotation;
  });
}

/** The Preference-Applied header for what a read honoured. */
export function appliedPreferences(prefer: Prefer, maxPageSize?: number): Record<string, string> {
  const applied: string[] = [];
  if (maxPageSize !== undefined) applied.push(`odata.maxpagesize=${maxPageSize}`);
  if (prefer.annotations) applied.push(`odata.include-annotations="${prefer.annotations}"`);
  return applied.length ? { 'Preference-Applied': applied.join(',') } : {};
}
