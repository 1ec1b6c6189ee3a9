import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Strategy, StrategyVersion } from '../../../shared/strategy/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { SuccessMessage } from '../../app/forms.tsx';
import { ConfirmDialog } from '../../app/confirm-dialog.tsx';
import { Downloads } from '../../app/downloads.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, ButtonRow, LoadState, Section } from '../../app/ui.tsx';
import { useStrategyMessages } from './messages.ts';
import { localVersionPath, publishVersion, strategyPath, versionExportUrl } from './strategy-api.ts';
import { StrategyDocument, VersionStatusTag } from './StrategyDocument.tsx';
import { BackLink, StrategyFrame, usePageTitle, useStrategyFrame } from './StrategyFrame.tsx';
import { VersionEditor } from './VersionEditor.tsx';
import './strategy.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { useNavigationMessage } from '../../app/kit.tsx';

/**
 * `/n/:slug/strategi/:strategyId/versjoner/:versionId`: one version. A published one reads as a document and is
 * locked; a draft opens in the editor for the secretariat, who saves, publishes or deletes it.
 */
export function VersionPage() {
  const sm = useStrategyMessages();
  const { versionId = '' } = useParams();
  const { network, strategy } = useStrategyFrame();
  const version = useApi<StrategyVersion>(`/strategy-versions/${encodeURIComponent(versionId)}`);
  const title = usePageTitle([network, strategy, version], () =>
    fmt(sm.version.title, { title: version.data?.strategyTitle ?? '', n: version.data?.number ?? '' }),
  );
  const reloadAll = strategy.reload;
  return (
    <StrategyFrame title={title} strategy={strategy}>
      {(n, s) => (
        <LoadState loaded={version}>
          {(v) => (
            <VersionView
              network={n}
              strategy={s}
              version={v}
              onSaved={version.setData}
              onReload={version.reload}
              onPublished={() => {
                version.reload();
                reloadAll();
              }}
            />
          )}
        </LoadState>
      )}
    </StrategyFrame>
  );
}

type Dialog = 'publish' | 'delete' | null;

function VersionView({
  network,
  strategy,
  version,
  onSaved,
  onReload,
  onPublished,
}: {
  network: NetworkOverview;
  strategy: Strategy;
  version: StrategyVersion;
  onSaved: (version: StrategyVersion) => void;
  onReload: () => void;
  onPublished: () => void;
}) {
  const sm = useStrategyMessages();
  const { dateTime } = useI18n();
  const navigate = useNavigate();
  const navigationMessage = useNavigationMessage();
  const [message, setMessage] = useState<string | null>(navigationMessage);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dirty, setDirty] = useState(false);
  const onDirty = useCallback((value: boolean) => setDirty(value), []);
  const admin = useNetworkCapabilities(network.id).administer;
  const editing = admin && version.status === 'draft';
  const v = sm.version;
  const close = () => setDialog(null);
  const reloadAndClose = () => {
    setDialog(null);
    onReload();
  };
  const members = network.members.filter((x) => x.isCurrent);

  return (
    <div className="dr-stack">
      <BackLink to={strategyPath(network.slug, strategy.id)}>{fmt(sm.common.back, { name: strategy.title })}</BackLink>
      <SuccessMessage message={message} />
      <dl className="dr-facts">
        <dt>{v.status}</dt>
        <dd>
          <VersionStatusTag status={version.status} />
        </dd>
        {version.publishedAt && (
          <>
            <dt>{v.publishedAt}</dt>
            <dd>{dateTime(version.publishedAt)}</dd>
          </>
        )}
        {!editing && (
          <>
            <dt>{v.changeNote}</dt>
            <dd>{version.changeNote ?? sm.common.empty}</dd>
          </>
        )}
      </dl>
      <Downloads
        links={[
          { href: versionExportUrl(version.id, 'docx'), label: fmt(sm.common.downloadDocxOf, { n: version.number }) },
          { href: versionExportUrl(version.id, 'pdf'), label: fmt(sm.common.downloadPdfOf, { n: version.number }) },
        ]}
      />

      {editing ? (
        <>
          <VersionEditor
            version={version}
            onReload={onReload}
            onDirty={onDirty}
            onSaved={(next) => {
              setMessage(null);
              onSaved(next);
            }}
          />
          <ButtonRow>
            <Button type="button" onClick={() => setDialog('publish')}>
              {sm.strategy.publish}
            </Button>
            {strategy.versions.length > 1 && (
              <Button type="button" variant="tertiary" data-color="danger" onClick={() => setDialog('delete')}>
                {v.deleteDraft}
              </Button>
            )}
          </ButtonRow>
        </>
      ) : (
        <>
          <Alert data-color={version.status === 'published' ? 'info' : 'warning'}>
            <Paragraph>{version.status === 'published' ? v.lockedNote : v.draftNote}</Paragraph>
          </Alert>
          <section aria-label={sm.document.label}>
            <StrategyDocument content={version.content} level={2} id="version" />
          </section>
        </>
      )}

      {version.status === 'published' && members.length > 0 && (
        <Section id="local-versions-heading" title={v.municipalitiesHeading} className="dr-section dr-stack">
          <Paragraph>{v.municipalitiesIntro}</Paragraph>
          <ul className="dr-strategy-municipalities">
            {members.map((x) => (
              <li key={x.municipalityNumber}>
                <AppLink to={localVersionPath(network.slug, strategy.id, version.id, x.municipalityNumber)}>{x.municipalityName}</AppLink>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <ConfirmDialog
        item={dialog === 'publish' ? version : null}
        title={sm.strategy.publish}
        onClose={close}
        onReload={reloadAndClose}
        onConfirm={async (x) => {
          await publishVersion(x.id, x.version);
          close();
          setMessage(fmt(sm.strategy.published2, { n: x.number }));
          onPublished();
        }}
      >
        {(x) => (
          <>
            {dirty && (
              <Alert data-color="warning">
                <Paragraph>{sm.editor.publishUnsaved}</Paragraph>
              </Alert>
            )}
            <Paragraph>{fmt(sm.strategy.publishConfirm, { n: x.number })}</Paragraph>
          </>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        item={dialog === 'delete' ? version : null}
        title={v.deleteDraft}
        danger
        onClose={close}
        onReload={reloadAndClose}
        onConfirm={async (x) => {
          await api(`/strategy-versions/${x.id}?version=${x.version}`, { method: 'DELETE' });
          close();
          void navigate(strategyPath(network.slug, strategy.id), { state: { message: v.deleted } });
        }}
      >
        {(x) => <Paragraph>{fmt(v.deleteConfirm, { n: x.number })}</Paragraph>}
      </ConfirmDialog>
    </div>
  );
}
