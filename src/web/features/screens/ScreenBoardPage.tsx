// The waiting-room board a TV shows (`/man-hinh/<screen key>`): declarations at
// the office by stage, updated live by server-sent events (the browser resumes
// with Last-Event-ID after a drop), and the rotation the branch chose.
import { VIETNAM_TIME_ZONE } from '../../../contracts/vietnam-time.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CLEARED_HIGHLIGHT_MS, type BoardRow, type BoardView } from '../../../contracts/screens.ts';
import { api } from '../../app/api.ts';
import { screenKeys } from './keys.ts';
import './screen.css';

const ROTATE_MS = 20_000;
const LANGUAGE_MS = 10_000;

type Lang = 'vi' | 'en';

export default function ScreenBoardPage() {
  const { key = '' } = useParams();
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const board = useQuery({
    queryKey: screenKeys.board(key),
    queryFn: () => api<BoardView>(`/api/screen-boards/${encodeURIComponent(key)}`),
    refetchInterval: 5 * 60_000,
  });
  // Rows received live since the board was read (null: removed), keyed to the board they follow.
  const [updates, setUpdates] = useState<{ base: string; rows: Map<string, BoardRow | null> }>({
    base: '',
    rows: new Map(),
  });
  // Rows that cleared while this screen watched: highlighted until then.
  const [highlight, setHighlight] = useState<Map<string, number>>(new Map());
  const [live, setLive] = useState(false);
  const [tick, setTick] = useState(() => Date.now());
  const data = board.data;
  const lastEventId = data?.lastEventId;

  // Live updates: the stream resumes after the board's last event; on a drop the browser reconnects
  // and sends Last-Event-ID, and the server replays what was missed.
  useEffect(() => {
    if (lastEventId === undefined) return;
    const source = new EventSource(`/api/screen-boards/${encodeURIComponent(key)}/stream?after=${lastEventId}`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('row', (event) => {
      const row = JSON.parse((event as MessageEvent<string>).data) as BoardRow;
      if (row.stage === 'cleared') setHighlight((h) => new Map(h).set(row.id, Date.now() + CLEARED_HIGHLIGHT_MS));
      setUpdates((u) => ({ base: lastEventId, rows: new Map(u.base === lastEventId ? u.rows : []).set(row.id, row) }));
    });
    source.addEventListener('remove', (event) => {
      const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: string };
      setUpdates((u) => ({ base: lastEventId, rows: new Map(u.base === lastEventId ? u.rows : []).set(id, null) }));
    });
    source.addEventListener('reload', () => void client.invalidateQueries({ queryKey: screenKeys.board(key) }));
    return () => source.close();
  }, [key, lastEventId, client]);

  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);

  // Rotation and alternating language.
  const rotation = data?.screen.rotation ?? ['board'];
  const [slot, setSlot] = useState(0);
  useEffect(() => {
    if (rotation.length < 2) return;
    const timer = setInterval(() => setSlot((s) => s + 1), ROTATE_MS);
    return () => clearInterval(timer);
  }, [rotation.length]);
  const [langSlot, setLangSlot] = useState(0);
  useEffect(() => {
    if (data?.screen.language !== 'both') return;
    const timer = setInterval(() => setLangSlot((s) => s + 1), LANGUAGE_MS);
    return () => clearInterval(timer);
  }, [data?.screen.language]);
  const lang: Lang =
    data?.screen.language === 'both' ? (langSlot % 2 === 0 ? 'vi' : 'en') : (data?.screen.language ?? 'vi');
  const t = useMemo(() => i18n.getFixedT(lang), [i18n, lang]);

  const qr = useQuery({
    queryKey: ['screens', 'qr', data?.followUrl],
    queryFn: () => QRCode.toDataURL(data!.followUrl, { margin: 1, width: 360 }),
    enabled: !!data,
    staleTime: Infinity,
  });

  useEffect(() => {
    document.title = data ? `${data.screen.name} · Cầu Nối` : 'Cầu Nối';
    document.documentElement.lang = lang;
  }, [data, lang]);

  if (board.isError)
    return (
      <main className="board">
        <h1>{t('screens.board.unavailable')}</h1>
        <p>{t('screens.board.unavailableHelp')}</p>
      </main>
    );
  if (!data)
    return (
      <main className="board" aria-busy="true">
        <p>{t('screens.board.loading')}</p>
      </main>
    );

  const now = tick + (new Date(data.now).getTime() - board.dataUpdatedAt);
  const rows = new Map(data.rows.map((r) => [r.id, r as BoardRow | null]));
  if (updates.base === data.lastEventId) for (const [id, row] of updates.rows) rows.set(id, row);
  const highlighted = (row: BoardRow) =>
    (highlight.get(row.id) ?? 0) > tick ||
    (row.stage === 'cleared' && now - new Date(row.since).getTime() < CLEARED_HIGHLIGHT_MS);
  const item = rotation[slot % rotation.length] ?? 'board';
  const sorted = [...rows.values()].flatMap((r) => (r ? [r] : [])).sort((a, b) => b.since.localeCompare(a.since));
  const withCompany = sorted.some((r) => r.company);
  const localized = (x: { vi: string; en: string }) => (lang === 'en' && x.en ? x.en : x.vi);
  const minutes = (since: string) => Math.max(0, Math.floor((now - new Date(since).getTime()) / 60_000));
  const clock = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: VIETNAM_TIME_ZONE,
  }).format(new Date(now));

  return (
    <main className="board" data-testid="screen-board">
      <header className="board-header">
        <div>
          <h1>{localized(data.screen.officeName)}</h1>
          <div>{data.screen.name}</div>
        </div>
        <div>
          <div className="board-clock">{clock}</div>
          <div className="board-status" data-live={live} role="status" data-testid="screen-live">
            {live ? t('screens.board.live') : t('screens.board.reconnecting')}
          </div>
        </div>
      </header>
      <div className="board-main">
        <section className="board-panel" aria-live="polite" aria-label={t(`screens.rotationItem.${item}`)}>
          {item === 'board' && (
            <>
              <h2>{t('screens.board.title')}</h2>
              {sorted.length === 0 ? (
                <p>{t('screens.board.empty')}</p>
              ) : (
                <table className="board-table" data-testid="screen-rows">
                  <thead>
                    <tr>
                      <th scope="col">{t('screens.board.number')}</th>
                      <th scope="col">{t('screens.board.stage')}</th>
                      <th scope="col">{t('screens.board.channel')}</th>
                      <th scope="col">{t('screens.board.minutes')}</th>
                      <th scope="col" className="board-hide-phone">
                        {t('screens.board.counter')}
                      </th>
                      {withCompany ? (
                        <th scope="col" className="board-hide-phone">
                          {t('screens.board.company')}
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.slice(0, 40).map((row) => (
                      <tr
                        key={row.id}
                        data-highlight={highlighted(row)}
                        data-testid={`screen-row-${row.maskedNumber.slice(-4)}`}
                      >
                        <td className="board-number">{row.maskedNumber}</td>
                        <td data-testid="screen-row-stage">{t(`screens.stage.${row.stage}`)}</td>
                        <td>
                          <span className={`channel channel-${row.channel}`}>
                            {t(`screens.channel.${row.channel}`)}
                          </span>
                        </td>
                        <td>{t('screens.board.minutesValue', { n: minutes(row.since) })}</td>
                        <td className="board-hide-phone">
                          {[row.counter, row.team ? localized(row.team) : null].filter(Boolean).join(' · ')}
                        </td>
                        {withCompany ? <td className="board-hide-phone">{row.company ?? ''}</td> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
          {item === 'procedures' && (
            <>
              <h2>{t('screens.rotationItem.procedures')}</h2>
              {data.procedures.map((p) => (
                <div key={p.id} className="board-card">
                  <strong>{localized(p.title)}</strong>
                  <div>{localized(p.body).slice(0, 280)}</div>
                </div>
              ))}
            </>
          )}
          {item === 'documents' && (
            <>
              <h2>{t('screens.rotationItem.documents')}</h2>
              {data.documents.map((d) => (
                <div key={d.id} className="board-card">
                  <strong>
                    {d.number} — {d.title}
                  </strong>
                  <div>{localized(d.summary).slice(0, 280)}</div>
                </div>
              ))}
            </>
          )}
          {item === 'announcements' && (
            <>
              <h2>{t('screens.rotationItem.announcements')}</h2>
              {data.announcements.length === 0 && <p>{t('screens.board.noAnnouncements')}</p>}
              {data.announcements.map((a, i) => (
                <div key={i} className="board-card">
                  {localized(a.text)}
                </div>
              ))}
            </>
          )}
          {item === 'hours' && (
            <>
              <h2>{t('screens.rotationItem.hours')}</h2>
              <div className="board-card" style={{ whiteSpace: 'pre-line' }}>
                {localized(data.openingHours) || t('screens.board.noHours')}
              </div>
            </>
          )}
          {item === 'satisfaction' && (
            <>
              <h2>{t('screens.rotationItem.satisfaction')}</h2>
              {data.satisfaction.published && data.satisfaction.satisfiedShare !== null ? (
                <div className="board-card">
                  <div className="board-big">{Math.round(data.satisfaction.satisfiedShare * 100)}%</div>
                  <div>{t('screens.board.satisfied', { period: data.satisfaction.period })}</div>
                </div>
              ) : (
                <p>{t('screens.board.notPublished')}</p>
              )}
            </>
          )}
        </section>
        <aside className="board-side">
          {qr.data && <img src={qr.data} alt={t('screens.board.qrAlt')} width={360} height={360} />}
          <div>{t('screens.board.scan')}</div>
        </aside>
      </div>
      {data.announcements.length > 0 && item !== 'announcements' && (
        <footer className="board-footer">{data.announcements.map((a) => localized(a.text)).join(' · ')}</footer>
      )}
    </main>
  );
}
