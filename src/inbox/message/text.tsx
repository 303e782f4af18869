/**
 * Patient text as text: escaped by preact, isolated in <bdi> with dir="auto" so right-to-left text
 * shows naturally, and with bidi override/isolate control characters made visible rather than obeyed,
 * so a hostile message cannot reorder what staff read (or the page around it).
 */
const BIDI_CONTROLS = /([\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C])/;

const CONTROL_NAMES: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u061C': 'ALM',
};

export function BidiSafe({ text }: { text: string }) {
  const parts = text.split(BIDI_CONTROLS);
  return (
    <bdi>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} class="bidi-mark" title="invisible text-direction character">
            {`[${CONTROL_NAMES[part] ?? 'BIDI'}]`}
          </span>
        ) : (
          part
        ),
      )}
    </bdi>
  );
}

/** A block of text from outside (patient message, draft, reply): pre-wrapped, scrollable when long. */
export function TextBlock({ text, label, id }: { text: string; label: string; id?: string }) {
  return (
    // Focusable so a keyboard user can scroll a long message; labelled so a screen reader names it.
    <pre class="text-block" dir="auto" tabIndex={0} role="region" aria-label={label} id={id}>
      <BidiSafe text={text} />
    </pre>
  );
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
