import { useTranslation } from 'react-i18next';
import type { MessageContent } from '../../../lib/types';
import { Icon } from '../../../ui/Icon';

type LocationContent = Extract<MessageContent, { kind: 'location' }>;

export function mapUrl(latitude: number, longitude: number): string {
  const lat = latitude.toFixed(6);
  const lon = longitude.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}

export function LocationCard({ content }: { content: LocationContent }) {
  const { t } = useTranslation();
  return (
    <div className="sl-location">
      <span className="sl-media__icon">
        <Icon name="pin" />
      </span>
      <span className="sl-location__text">
        <strong dir="auto">{content.name || t('content.location')}</strong>
        {content.address ? <span dir="auto">{content.address}</span> : null}
        <span className="sl-location__coords" dir="ltr">
          {content.latitude.toFixed(5)}, {content.longitude.toFixed(5)}
        </span>
        <a href={mapUrl(content.latitude, content.longitude)} target="_blank" rel="noopener noreferrer">
          {t('content.openMap')}
        </a>
      </span>
    </div>
  );
}
