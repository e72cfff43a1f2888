import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** What a part's parser reacts to; element names come without their namespace prefix (`x:row` → `row`). */
export interface XmlHandlers<T> {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
  /** Items completed so far (rows, strings); taken and yielded after each chunk. */
  take?(): T[];
  /** True when the rest of the part is not needed: reading stops after the current chunk. */
  finished?(): boolean;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streams XML text through a SAX parser and yields what the handlers completed after each chunk: only one
 * chunk's worth of results is in memory at a time, and the next chunk is read when the consumer asks for it.
 */
export async function* streamXml<T>(
  chunks: AsyncIterable<string>,
  handlers: XmlHandlers<T>,
): AsyncGenerator<T> {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => handlers.open?.(localName(tag.name), (tag as SaxesTagPlain).attributes));
  parser.on('closetag', (tag) => handlers.close?.(localName(tag.name)));
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  for await (const chunk of chunks) {
    parser.write(chunk);
    if (handlers.take) yield* handlers.take();
    if (handlers.finished?.()) return;
  }
  parser.close();
  if (handlers.take) yield* handlers.take();
}

/** Runs a small part (workbook, relationships, styles) through its handlers to the end. */
export async function parseXml(chunks: AsyncIterable<string>, handlers: XmlHandlers<never>): Promise<void> {
  for await (const _ of streamXml(chunks, handlers));
}
