/**
 * The on-screen keys (react-simple-keyboard): letters, punctuation, space and backspace, in
 * a pinyin layout (Chinese punctuation, an apostrophe to split syllables), an English one
 * (digits, shift) and a path one (digits, shift, and `/ - _ .` for a folder such as a USB
 * stick's mount point). Keys only report presses; the composer decides what they do. There is no
 * Enter key: posting is the wall's own button.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';

/** What a key press means to the composer. */
export type KeyPress =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'backspace' }
  | { readonly kind: 'space' };

/** The keyboard layouts by name. */
export type KeyboardLayout = 'pinyin' | 'english' | 'path';

const LAYOUTS: Record<KeyboardLayout, Record<string, string[]>> = {
  pinyin: {
    default: ['q w e r t y u i o p {bksp}', "a s d f g h j k l '", 'z x c v b n m ， 。 ？ ！', '{space}'],
  },
  english: {
    default: ['1 2 3 4 5 6 7 8 9 0', 'q w e r t y u i o p {bksp}', 'a s d f g h j k l', '{shift} z x c v b n m , . ? !', '{space}'],
    shift: ['1 2 3 4 5 6 7 8 9 0', 'Q W E R T Y U I O P {bksp}', 'A S D F G H J K L', '{shift} Z X C V B N M , . ? !', '{space}'],
  },
  path: {
    default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l', '{shift} z x c v b n m', '/ - _ . {space}'],
    shift: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L', '{shift} Z X C V B N M', '/ - _ . {space}'],
  },
};

export interface TouchKeyboardProps {
  readonly layout: KeyboardLayout;
  readonly shifted: boolean;
  readonly onPress: (press: KeyPress) => void;
  readonly onShift: () => void;
}

export function TouchKeyboard({ layout, shifted, onPress, onShift }: TouchKeyboardProps): ReactElement {
  const { t } = useTranslation();
  const onKeyPress = (button: string): void => {
    if (button === '{bksp}') onPress({ kind: 'backspace' });
    else if (button === '{space}') onPress({ kind: 'space' });
    else if (button === '{shift}') onShift();
    else if (!button.startsWith('{')) onPress({ kind: 'char', char: button });
  };
  return (
    <div className="touch-keyboard" data-testid="touch-keyboard" data-layout={layout}>
      <Keyboard
        layout={LAYOUTS[layout]}
        layoutName={layout !== 'pinyin' && shifted ? 'shift' : 'default'}
        display={{ '{bksp}': '⌫', '{space}': t('keyboard.space'), '{shift}': '⇧' }}
        onKeyPress={onKeyPress}
        // Keys are not focusable and never take focus, so no text field and no OS keyboard.
        preventMouseDownDefault
        disableButtonHold
        physicalKeyboardHighlight={false}
        disableCaretPositioning
        theme="hg-theme-default touch-keyboard-theme"
      />
    </div>
  );
}
