import { XMLParser } from 'fast-xml-parser';
import type { ApiDescription, ApiParameter, ParameterType } from './api-description';

/**
 * The org's actions as its `$metadata` (CSDL) declares them. On a real org that document is tens of megabytes, so
 * it is never parsed whole: a scanner finds the few elements we need in the text as it streams in (the Action and
 * Function elements whose names start with a prefix, the ComplexTypes their answers use, the Schema's namespace and
 * alias), and only those fragments go through an XML parser.
 */

/** The text of the elements a scan found. */
export interface CsdlFragments {
  /** Action and Function elements with the prefix, whole. */
  operations: string[];
  /** ComplexType elements with the prefix, whole (the …Response types). */
  complexTypes: string[];
}

/** One element start of interest, or a comment or CDATA section, whose contents must not be read as elements. */
const START = /<!--|<!\[CDATA\[|<([A-Za-z_][\w.-]*:)?(Action|Function|ComplexType)(?=[\s/>])/g;
/** An opening tag, attributes in any order and either quote, possibly self-closing. */
const OPEN_TAG = /<([A-Za-z_][\w.-]*:)?(Action|Function|ComplexType)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const NAME_ATTRIBUTE = /(?:^|\s)Name\s*=\s*(?:"([^"]*)"|'([^']*)')/;
/** A start of interest whose tag never closes within this much text is not XML we can read: skip it. */
const MAX_ELEMENT = 1 << 20;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Feeds text in as it arrives; `finish` returns what was found. Memory stays at one element's worth, not the document. */
export function createCsdlScanner(prefix: string) {
  let buffer = '';
  const found: CsdlFragments = { operations: [], complexTypes: [] };

  /** Consume what can be consumed; returns where to keep the buffer from. */
  function scan(final: boolean): number {
    let position = 0;
    for (;;) {
      START.lastIndex = position;
      const start = START.exec(buffer);
      if (!start) return Math.max(position, buffer.lastIndexOf('<'));
      const at = start.index;
      if (start[0] === '<!--' || start[0] === '<![CDATA[') {
        const closer = start[0] === '<!--' ? '-->' : ']]>';
        const end = buffer.indexOf(closer, at + start[0].length);
        if (end < 0) return final ? buffer.length : at;
        position = end + closer.length;
        continue;
      }
      OPEN_TAG.lastIndex = at;
      const open = OPEN_TAG.exec(buffer);
      if (!open) {
        // Either the tag is not all here yet, or it is not a tag we can read.
        if (!final && buffer.length - at < MAX_ELEMENT) return at;
        position = at + 1;
        continue;
      }
      const [tag, ns = '', kind, attributes = '', selfClosing] = open;
      const name = NAME_ATTRIBUTE.exec(attributes);
      const afterOpen = at + tag.length;
      if (!(name?.[1] ?? name?.[2] ?? '').startsWith(prefix)) {
        position = afterOpen;
        continue;
      }
      let end = afterOpen;
      if (!selfClosing) {
        const close = new RegExp(`</${escapeRegExp(ns)}${kind}\\s*>`, 'g');
        close.lastIndex = afterOpen;
        const closed = close.exec(buffer);
        if (!closed) {
          if (!final && buffer.length - at < MAX_ELEMENT) return at;
          position = afterOpen;
          continue;
        }
        end = closed.index + closed[0].length;
      }
      (kind === 'ComplexType' ? found.complexTypes : found.operations).push(buffer.slice(at, end));
      position = end;
    }
  }

  return {
    push(text: string): void {
      buffer += text;
      buffer = buffer.slice(scan(false));
    },
    finish(): CsdlFragments {
      scan(true);
      buffer = '';
      return found;
    },
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'Parameter' || name === 'Property' || name === 'Annotation',
});

type Attributes = Record<string, unknown>;
interface Element extends Attributes {
  Parameter?: Attributes[];
  Property?: Attributes[];
  Annotation?: Attributes[];
  ReturnType?: Attributes | Attributes[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
/** The name after the namespace or alias: `mscrm.systemuser` and `Microsoft.Dynamics.CRM.systemuser` are both `systemuser`. */
const localName = (qualified: string): string => qualified.slice(qualified.lastIndexOf('.') + 1);

const EDM_TYPES: Readonly<Record<string, ParameterType>> = {
  'Edm.Guid': 'Guid',
  'Edm.String': 'String',
  'Edm.Boolean': 'Boolean',
  'Edm.Int16': 'Integer',
  'Edm.Int32': 'Integer',
  'Edm.Int64': 'Integer',
  'Edm.Decimal': 'Decimal',
  'Edm.Double': 'Float',
  'Edm.Single': 'Float',
  'Edm.DateTimeOffset': 'DateTime',
  'Edm.Date': 'DateTime',
};

/** A CSDL type as a custom API type; other namespaces' types are tables (entity references) unless they are complex types. */
function typeOf(raw: string, complexNames: ReadonlySet<string>): { type: ParameterType; entity: string | null } {
  const collection = /^Collection\((.*)\)$/.exec(raw.trim());
  if (collection) {
    const inner = collection[1]!;
    if (inner === 'Edm.String') return { type: 'StringArray', entity: null };
    if (inner.startsWith('Edm.') || complexNames.has(localName(inner))) return { type: 'Other', entity: null };
    return { type: 'EntityCollection', entity: entityName(inner) };
  }
  const edm = EDM_TYPES[raw.trim()];
  if (edm) return { type: edm, entity: null };
  if (raw.startsWith('Edm.') || raw === '' || complexNames.has(localName(raw))) return { type: 'Other', entity: null };
  return { type: 'EntityReference', entity: entityName(raw) };
}
/** The table a type names; null for the platform's "any table" base type. */
const entityName = (qualified: string): string | null => {
  const name = localName(qualified);
  return name === 'crmbaseentity' ? null : name;
};

const parseElement = (fragment: string, kind: string): Element | null => {
  try {
    const element = (parser.parse(fragment) as Record<string, unknown>)[kind];
    return typeof element === 'object' && element !== null ? (element as Element) : {};
  } catch {
    return null;
  }
};

/** Optional: the OData optional-parameter annotation, or a parameter that may be null. */
const isOptional = (parameter: Attributes): boolean =>
  text(parameter.Nullable).toLowerCase() === 'true' ||
  ((parameter.Annotation as Attributes[] | undefined) ?? []).some((annotation) => text(annotation.Term).endsWith('OptionalParameter'));

/** The org's CCaaS operations from the fragments a scan found; fragments that do not parse are left out. */
export function describeCsdlOperations(fragments: CsdlFragments): ApiDescription[] {
  const complex = new Map<string, Element>();
  for (const fragment of fragments.complexTypes) {
    const element = parseElement(fragment, 'ComplexType');
    const name = text(element?.Name);
    if (element && name) complex.set(name, element);
  }
  const complexNames = new Set(complex.keys());
  const descriptions: ApiDescription[] = [];
  for (const fragment of fragments.operations) {
    const isFunction = /^<(?:[\w.-]+:)?Function/.test(fragment);
    const element = parseElement(fragment, isFunction ? 'Function' : 'Action');
    const uniqueName = text(element?.Name);
    if (!element || !uniqueName) continue;
    const parameters = (element.Parameter ?? []).map((p): ApiParameter => ({
      name: text(p.Name),
      ...typeOf(text(p.Type), complexNames),
      optional: isOptional(p),
    }));
    const bound = text(element.IsBound).toLowerCase() === 'true';
    const binding = bound ? parameters.shift() : undefined;
    const returnType = [element.ReturnType ?? []].flat()[0];
    const answer = returnType ? complex.get(localName(text(returnType.Type))) : undefined;
    descriptions.push({
      uniqueName,
      binding: !binding ? 'unbound' : binding.type === 'EntityCollection' ? 'collection' : 'entity',
      boundEntity: binding?.entity ?? null,
      isFunction,
      parameters: parameters.filter((p) => p.name !== ''),
      response: (answer?.Property ?? [])
        .map((p) => ({ name: text(p.Name), ...typeOf(text(p.Type), complexNames) }))
        .filter((p) => p.name !== ''),
    });
  }
  return descriptions;
}
