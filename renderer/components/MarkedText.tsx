/**
 * A translated message with its `<num>` part drawn by `mark` (e.g. a huge locker number).
 * Replaces react-i18next's `<Trans>`, whose HTML parser the first screen need not carry.
 */
import { cloneElement, Fragment, type ReactElement, type ReactNode } from 'react';
import { markedParts } from './marked-text';

export function MarkedText({ text, mark }: {
  /** The message as `t()` gave it, values already in. */
  readonly text: string;
  /** The element the marked part is put inside. */
  readonly mark: ReactElement<{ children?: ReactNode }>;
}): ReactElement {
  return (
    <>
      {markedParts(text).map((part, index) =>
        part.marked ? cloneElement(mark, { key: index }, part.text) : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
