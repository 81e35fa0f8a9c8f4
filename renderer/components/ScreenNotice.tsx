/** A banner for something the service refused in the screen's name. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../common/contract';
import { missingCase } from '../../common/result';
import { Icon } from './icons';

export function ScreenNotice({ notice }: { readonly notice: EventPayload<'screenNotice'> }): ReactElement {
  const { t } = useTranslation();
  let text: string;
  switch (notice.kind) {
    case 'wedge-reads-refused':
      text = t('notice.wedgeReadsRefused');
      break;
    default:
      return missingCase(notice.kind);
  }
  return (
    <div className="device-banner" data-testid="screen-notice" data-notice={notice.kind} role="alert">
      <Icon name="alert" />
      <span>{text}</span>
    </div>
  );
}
