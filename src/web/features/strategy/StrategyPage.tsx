import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Strategy, StrategyVersion } from '../../../shared/strategy/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { SuccessMessage } from '../../app/forms.tsx';
import { ConfirmDialog } from '../../app/confirm-dialog.tsx';
import { Downloads } from '../../app/downloads.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, ButtonRow, LoadState, ModalDialog, Section } from '../../app/ui.tsx';
import { useStrategyMessages } from './messages.ts';
import { StrategyForm } from './StrategiesPage.tsx';
import {
  actionPlansPath,
  adoptionPath,
  currentDraft,
  newestPublished,
  osloDay,
  publishVersion,
  strategiesPath,
  versionExportUrl,
  versionPath,
} from './strategy-api.ts';
import { StrategyDocument, usePeriod, VersionStatusTag } from './StrategyDocument.tsx';
import { BackLink, StrategyFrame, usePageTitle, useStrategyFrame } from './StrategyFrame.tsx';
import './strategy.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { DataTable } from '../../app/table.tsx';
import { useNavigationMessage } from '../../app/kit.tsx';

/**
 * `/n/:slug/strategi/:strategyId`: the strategy's current (newest published) version as a document, the draft being
 * written, the version history, and the way to the municipalities' decisions and the action plans.
 */
export function StrategyPage() {
  const { network, strategy } = useStrategyFrame();
  const title = usePageTitle([network, strategy], () => strategy.data?.title ?? '');
  return (
    <StrategyFrame title={title} strategy={strategy}>
      {(n, s) => <StrategyView network={n} strategy={s} onChange={strategy.setData} onReload={strategy.reload} />}
    </StrategyFrame>
  );
}

type Dialog = 'edit' | 'publish' | 'revision' | null;

function StrategyView({
  network,
  strategy,
  onChange,
  onReload,
}: {
  network: NetworkOverview;
  strategy: Strategy;
  onChange: (strategy: Strategy) => void;
  onReload: () => void;
}) {
  const sm = useStrategyMessages();
  const { date, dateTime } = useI18n();
  const navigate = useNavigate();
  const navigationMessage = useNavigationMessage();
  const period = usePeriod();
  const [message, setMessage] = useState<string | null>(navigationMessage);
  const [dialog, setDialog] = useState<Dialog>(null);
  const admin = useNetworkCapabilities(network.id).administer;
  const published = newestPublished(strategy);
  const draft = currentDraft(strategy);
  const publishedVersion = useApi<StrategyVersion>(published ? `/strategy-versions/${published.id}` : null);
  const draftVersion = useApi<StrategyVersion>(draft && admin ? `/strategy-versions/${draft.id}` : null);
  const s = sm.strategy;
  const close = () => setDialog(null);
  const reloadAndClose = () => {
    setDialog(null);
    onReload();
    draftVersion.reload();
  };

  return (
    <div className="dr-stack">
      <BackLink to={strategiesPath(network.slug)}>{fmt(sm.common.back, { name: fmt(sm.list.title, { name: network.name }) })}</BackLink>
      <SuccessMessage message={message} />
      <dl className="dr-facts">
        <dt>{sm.common.period}</dt>
        <dd>{period(strategy.periodStart, strategy.periodEnd)}</dd>
        <dt>{s.published}</dt>
        <dd>
          {published
            ? fmt(s.publishedIntro, { n: published.number, date: published.publishedAt ? date(osloDay(published.publishedAt)) : '' })
            : s.noPublished}
        </dd>
      </dl>
      <nav aria-label={s.links}>
        <ul className="dr-downloads dr-strategy-links">
          <li>
            <AppLink to={adoptionPath(network.slug, strategy.id)}>{s.adoptionLink}</AppLink>
          </li>
          <li>
            <AppLink to={actionPlansPath(network.slug, strategy.id)}>{s.actionPlansLink}</AppLink>
          </li>
        </ul>
      </nav>
      {admin && (
        <ButtonRow>
          {draft ? (
            <>
              <Button asChild>
                <RouterLink to={versionPath(network.slug, strategy.id, draft.id)}>{s.editDraft}</RouterLink>
              </Button>
              <Button type="button" variant="secondary" disabled={!draftVersion.data} onClick={() => setDialog('publish')}>
                {s.publish}
              </Button>
            </>
          ) : (
            <Button type="button" onClick={() => setDialog('revision')}>
              {published ? s.newRevision : s.firstDraft}
            </Button>
          )}
          <Button type="button" variant="tertiary" onClick={() => setDialog('edit')}>
            {sm.strategyForm.edit}
          </Button>
        </ButtonRow>
      )}
      {!admin && draft && (
        <Paragraph>
          <AppLink to={versionPath(network.slug, strategy.id, draft.id)}>{s.viewDraft}</AppLink>
        </Paragraph>
      )}

      <Section
        id="current-heading"
        title={published ? `${s.published}: ${fmt(sm.common.versionN, { n: published.number })}` : s.published}
        className="dr-section dr-stack"
      >
        {!published ? (
          <Paragraph>{s.noPublished}</Paragraph>
        ) : (
          <>
            <Downloads
              links={[
                { href: versionExportUrl(published.id, 'docx'), label: fmt(sm.common.downloadDocxOf, { n: published.number }) },
                { href: versionExportUrl(published.id, 'pdf'), label: fmt(sm.common.downloadPdfOf, { n: published.number }) },
              ]}
            />
            <LoadState loaded={publishedVersion}>{(v) => <StrategyDocument content={v.content} level={3} id="current" />}</LoadState>
          </>
        )}
      </Section>

      <Section id="history-heading" title={s.historyHeading} className="dr-section dr-stack">
        <DataTable
          caption={fmt(s.historyCaption, { title: strategy.title })}
          columns={[s.number, s.status, s.publishedAt, s.changeNote, s.adoptedCount]}
        >
          {strategy.versions.map((v) => (
            <Table.Row key={v.id}>
              <Table.Cell>
                <AppLink to={versionPath(network.slug, strategy.id, v.id)}>{fmt(sm.common.versionN, { n: v.number })}</AppLink>
              </Table.Cell>
              <Table.Cell>
                <VersionStatusTag status={v.status} />
              </Table.Cell>
              <Table.Cell>{v.publishedAt ? dateTime(v.publishedAt) : sm.versionStatuses.draft}</Table.Cell>
              <Table.Cell>{v.changeNote ?? ''}</Table.Cell>
              <Table.Cell>{v.status === 'published' ? fmt(s.municipalitiesCount, { count: v.adoptedCount }) : ''}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      </Section>

      <ModalDialog open={dialog === 'edit'} onClose={close} title={sm.strategyForm.edit}>
        <StrategyForm
          networkId={network.id}
          strategy={strategy}
          onCancel={close}
          onReload={reloadAndClose}
          onSaved={(next) => {
            close();
            onChange(next);
            setMessage(sm.strategyForm.saved);
          }}
        />
      </ModalDialog>
      <ConfirmDialog
        item={dialog === 'publish' ? strategy : null}
        title={s.publish}
        onClose={close}
        onReload={reloadAndClose}
        onConfirm={async () => {
          if (!draft || !draftVersion.data) return;
          await publishVersion(draft.id, draftVersion.data.version);
          close();
          setMessage(fmt(s.published2, { n: draft.number }));
          onReload();
        }}
      >
        {() => <Paragraph>{fmt(s.publishConfirm, { n: draft?.number ?? '' })}</Paragraph>}
      </ConfirmDialog>
      <ConfirmDialog
        item={dialog === 'revision' ? strategy : null}
        title={published ? s.newRevision : s.firstDraft}
        onClose={close}
        onReload={reloadAndClose}
        onConfirm={async (x) => {
          const created = await api<StrategyVersion>(`/strategies/${x.id}/versions`, { method: 'POST', body: {} });
          close();
          void navigate(versionPath(network.slug, x.id, created.id), { state: { message: s.revisionCreated } });
        }}
      >
        {() => <Paragraph>{s.newRevisionConfirm}</Paragraph>}
      </ConfirmDialog>
    </div>
  );
}
