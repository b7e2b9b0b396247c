import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import type { MessageContent } from '../../../lib/types';
import { Icon } from '../../../ui/Icon';
import { RichText } from './RichText';

type OrderContent = Extract<MessageContent, { kind: 'order' }>;

export function OrderCard({ content }: { content: OrderContent }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const currency = content.items[0]?.currency;
  const sameCurrency = content.items.every((item) => item.currency === currency);
  const total = content.items.reduce((sum, item) => sum + item.itemPrice * item.quantity, 0);
  return (
    <div className="sl-order">
      <div className="sl-order__head">
        <Icon name="cart" />
        <strong>{t('content.order')}</strong>
      </div>
      <table className="sl-order__items">
        <thead>
          <tr>
            <th scope="col">{t('content.product')}</th>
            <th scope="col">{t('content.quantity')}</th>
            <th scope="col">{t('content.price')}</th>
          </tr>
        </thead>
        <tbody>
          {content.items.map((item) => (
            <tr key={item.productRetailerId}>
              <td dir="auto">{item.productRetailerId}</td>
              <td>{format.number(item.quantity)}</td>
              <td>{format.currency(item.itemPrice, item.currency)}</td>
            </tr>
          ))}
        </tbody>
        {currency && sameCurrency ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('content.total')}
              </th>
              <td>{format.currency(total, currency)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
      {content.text ? <RichText text={content.text} /> : null}
    </div>
  );
}
