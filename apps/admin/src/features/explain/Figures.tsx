import './Explain.css';

/** A row of labelled figures above an explanation (a description list, so labels and values pair up). */
export function Figures({ items }: { items: ReadonlyArray<readonly [string, string]> }) {
  return (
    <dl className="explain-figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
