import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { domainPath, inDomain } from '../../../shared/mapping/domains.ts';
import {
  CRITICALITIES,
  LIFECYCLES,
  type Adoption,
  type Application,
  type MunicipalityMapping,
  type SharedSolution,
} from '../../../shared/mapping/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { SuccessMessage } from '../../app/forms.tsx';
import { ConfirmDialog } from '../../app/confirm-dialog.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, ButtonRow, LoadState, ModalDialog, Section } from '../../app/ui.tsx';
import { AdoptionsSection } from './AdoptionsSection.tsx';
import { ApplicationForm } from './ApplicationForm.tsx';
import { DomainSearch } from './product-fields.tsx';
import { catalogPath, municipalityApplicationsExportUrl, municipalityTemplateUrl } from './mapping-api.ts';
import { useMappingMessages } from './messages.ts';
import { compareValues, RowActions, SortableTable, useSort } from './SortHeader.tsx';
import { SpreadsheetImport } from './SpreadsheetImport.tsx';
import './mapping.css';
import { RowAction } from '../../app/table.tsx';

/** `/kommuner/:number/kartlegging`: a municipality's applications, its adoption of shared solutions, and its spreadsheet. */
export function MunicipalityMappingPage() {
  const { m } = useI18n();
  const t = useMappingMessages();
  const { number = '' } = useParams();
  const mapping = useApi<MunicipalityMapping>(`/municipalities/${encodeURIComponent(number)}/mapping`);
  const solutions = useApi<SharedSolution[]>('/mapping/shared-solutions');
  const title = mapping.data
    ? fmt(t.municipality.title, { name: mapping.data.municipalityName })
    : mapping.error
      ? m.notFound.title
      : m.common.loading;
  return (
    <Page
      title={title}
      lead={
        mapping.data && (
          <Paragraph data-size="sm">
            <AppLink to={`/kommuner/${mapping.data.municipalityNumber}`}>
              {fmt(t.municipality.back, { name: mapping.data.municipalityName })}
            </AppLink>
          </Paragraph>
        )
      }
    >
      <LoadState loaded={mapping}>
        {(data) => (
          <LoadState loaded={solutions}>
            {(catalog) => <MappingView mapping={data} solutions={catalog} setMapping={mapping.setData} reload={mapping.reload} />}
          </LoadState>
        )}
      </LoadState>
    </Page>
  );
}

/** What the page's parts are given: the mapping, the shared solutions, and how to replace the mapping or load it again. */
interface MappingProps {
  mapping: MunicipalityMapping;
  solutions: SharedSolution[];
  setMapping: (m: MunicipalityMapping) => void;
  reload: () => void;
}

function MappingView({ mapping, solutions, setMapping, reload }: MappingProps) {
  const t = useMappingMessages();
  return (
    <div className="dr-stack">
      <Paragraph>{t.municipality.intro}</Paragraph>
      <Paragraph data-size="sm">
        <AppLink to={catalogPath}>{t.catalog.link}</AppLink>
      </Paragraph>
      {!mapping.canEdit && (
        <Alert data-color="info">
          <Paragraph>{t.municipality.readOnly}</Paragraph>
        </Alert>
      )}
      <ApplicationsSection mapping={mapping} solutions={solutions} setMapping={setMapping} reload={reload} />
      <AdoptionsSection
        mapping={mapping}
        solutions={solutions}
        onSaved={(adoption: Adoption) =>
          setMapping({
            ...mapping,
            adoptions: mapping.adoptions.map((a) => (a.solutionKey === adoption.solutionKey ? adoption : a)),
          })
        }
        reload={reload}
      />
      <Section id="spreadsheet-heading" title={t.spreadsheet.heading}>
        <Paragraph>{t.spreadsheet.intro}</Paragraph>
        <Downloads links={[{ href: municipalityTemplateUrl(mapping.municipalityNumber), label: t.spreadsheet.template }]} />
        {mapping.canEdit && <SpreadsheetImport path={`/municipalities/${mapping.municipalityNumber}/mapping/import`} onImported={reload} />}
      </Section>
    </div>
  );
}

type Column = 'product' | 'vendor' | 'domain' | 'lifecycle' | 'hosting' | 'contractEnd' | 'time' | 'criticality';
type Dialog = { kind: 'add' } | { kind: 'edit'; application: Application } | { kind: 'delete'; application: Application };

function ApplicationsSection({ mapping, solutions, setMapping, reload }: MappingProps) {
  const { m, lang, date, number } = useI18n();
  const t = useMappingMessages();
  const a = t.applications;
  const [text, setText] = useState('');
  const [domain, setDomain] = useState('');
  const { sort, toggle } = useSort<Column>('product');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const close = () => setDialog(null);
  const all = mapping.applications;

  const rows = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase('nb');
    const value = (x: Application, column: Column): string | number | null => {
      switch (column) {
        case 'product':
          return x.product.name;
        case 'vendor':
          return x.product.vendor;
        case 'domain':
          return domainPath(x.product.domain, lang);
        case 'lifecycle':
          return LIFECYCLES.indexOf(x.lifecycle);
        case 'hosting':
          return x.hosting ? t.hostings[x.hosting] : null;
        case 'contractEnd':
          return x.contractEnd;
        case 'time':
          return x.timeVerdict ? t.timeVerdicts[x.timeVerdict] : null;
        case 'criticality':
          return x.criticality ? CRITICALITIES.indexOf(x.criticality) : null;
      }
    };
    return all
      .filter((x) => domain === '' || inDomain(x.product.domain, domain))
      .filter(
        (x) =>
          needle === '' ||
          [x.product.name, x.product.vendor, x.systemOwner ?? '', x.productVersion ?? ''].some((s) =>
            s.toLocaleLowerCase('nb').includes(needle),
          ),
      )
      .sort(
        (x, y) =>
          compareValues(value(x, sort.key), value(y, sort.key), sort.direction) ||
          compareValues(x.product.name, y.product.name, 'ascending'),
      );
  }, [all, text, domain, sort, lang, t]);

  const headers: [Column, string][] = [
    ['product', a.product],
    ['vendor', a.vendor],
    ['domain', a.domain],
    ['lifecycle', a.lifecycle],
    ['hosting', a.hosting],
    ['contractEnd', a.contractEnd],
    ['time', a.time],
    ['criticality', a.criticality],
  ];

  return (
    <Section id="applications-heading" title={a.heading}>
      <SuccessMessage message={status} />
      {mapping.canEdit && (
        <ButtonRow>
          <Button type="button" onClick={() => setDialog({ kind: 'add' })}>
            {a.add}
          </Button>
        </ButtonRow>
      )}
      {all.length === 0 ? (
        <Paragraph>{a.none}</Paragraph>
      ) : (
        <>
          <DomainSearch label={a.searchLabel} text={text} onText={setText} domain={domain} onDomain={setDomain} />
          <Paragraph role="status" data-size="sm">
            {rows.length === 0 ? a.noMatch : fmt(a.count, { shown: number(rows.length), total: number(all.length) })}
          </Paragraph>
          {rows.length > 0 && (
            <SortableTable
              caption={fmt(a.caption, { name: mapping.municipalityName })}
              columns={headers}
              sort={sort}
              onSort={toggle}
              actions={mapping.canEdit && m.common.actions}
            >
              {rows.map((x) => (
                <Table.Row key={x.id}>
                  <Table.HeaderCell scope="row">
                    {x.product.name}
                    {x.productVersion && <span className="dr-muted"> {x.productVersion}</span>}
                  </Table.HeaderCell>
                  <Table.Cell>{x.product.vendor}</Table.Cell>
                  <Table.Cell>{domainPath(x.product.domain, lang)}</Table.Cell>
                  <Table.Cell>{t.lifecycles[x.lifecycle]}</Table.Cell>
                  <Table.Cell>{x.hosting ? t.hostings[x.hosting] : m.common.none}</Table.Cell>
                  <Table.Cell className="dr-nowrap">{date(x.contractEnd)}</Table.Cell>
                  <Table.Cell>
                    {x.timeVerdict ? (
                      <Tag data-size="sm" data-color={TIME_COLORS[x.timeVerdict]}>
                        {t.timeVerdicts[x.timeVerdict]}
                      </Tag>
                    ) : (
                      m.common.none
                    )}
                  </Table.Cell>
                  <Table.Cell>{x.criticality ? t.criticalities[x.criticality] : m.common.none}</Table.Cell>
                  {mapping.canEdit && (
                    <Table.Cell>
                      <RowActions>
                        <RowAction
                          label={fmt(a.editLabel, { name: x.product.name })}
                          onClick={() => setDialog({ kind: 'edit', application: x })}
                        >
                          {a.edit}
                        </RowAction>
                        <RowAction
                          label={fmt(a.deleteLabel, { name: x.product.name })}
                          danger
                          onClick={() => setDialog({ kind: 'delete', application: x })}
                        >
                          {a.delete}
                        </RowAction>
                      </RowActions>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </SortableTable>
          )}
        </>
      )}
      {all.length > 0 && (
        <Downloads
          links={exportLinks((format) => municipalityApplicationsExportUrl(mapping.municipalityNumber, format), {
            xlsx: a.exportXlsx,
            csv: a.exportCsv,
          })}
        />
      )}

      <ModalDialog
        open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={close}
        title={dialog?.kind === 'edit' ? fmt(a.editTitle, { name: dialog.application.product.name }) : a.add}
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
          <ApplicationForm
            municipalityNumber={mapping.municipalityNumber}
            application={dialog.kind === 'edit' ? dialog.application : null}
            solutions={solutions}
            onCancel={close}
            onReload={() => {
              close();
              reload();
            }}
            onSaved={(saved, created) => {
              close();
              setMapping({
                ...mapping,
                applications: created ? [...all, saved] : all.map((x) => (x.id === saved.id ? saved : x)),
              });
              setStatus(fmt(created ? a.added : a.saved, { name: saved.product.name }));
            }}
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        item={dialog?.kind === 'delete' ? dialog.application : null}
        title={a.deleteTitle}
        confirmLabel={a.delete}
        danger
        onClose={close}
        onReload={() => {
          close();
          reload();
        }}
        onConfirm={async (x) => {
          await api(`/applications/${x.id}?version=${x.version}`, { method: 'DELETE' });
          close();
          setMapping({ ...mapping, applications: all.filter((y) => y.id !== x.id) });
          setStatus(fmt(a.deleted, { name: x.product.name }));
        }}
      >
        {(x) => <Paragraph>{fmt(a.deleteConfirm, { name: x.product.name })}</Paragraph>}
      </ConfirmDialog>
    </Section>
  );
}

const TIME_COLORS = { invest: 'success', migrate: 'info', tolerate: 'warning', eliminate: 'danger' } as const;
