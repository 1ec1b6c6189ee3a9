import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BasisDocument, Project } from '../src/shared/portfolio/projects.ts';
import { startTestApp, USERS, type TestApp } from './harness.ts';
import { S3_TEST_CREDENTIALS, startS3Server, type TestS3Server } from './s3-server.ts';

/**
 * The app with STORAGE=s3: an attachment uploaded through the API lands in the bucket (nothing in the local files
 * folder) and downloads byte for byte. The storage's own contract is tested in modules/storage/storage.test.ts.
 */
describe('the app on S3-compatible storage', () => {
  let s3: TestS3Server;
  let t: TestApp;
  beforeAll(async () => {
    s3 = await startS3Server();
    t = await startTestApp('postgresql', {
      storage: { kind: 's3', endpoint: s3.endpoint, region: s3.region, bucket: s3.bucket, forcePathStyle: true, ...S3_TEST_CREDENTIALS },
    });
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  it('keeps a project document in the bucket and serves it back unchanged', async () => {
    const secretariat = await t.as(USERS.vesteralenAdmin);
    const project = await secretariat.post<Project>('/api/networks/digivesteralen/projects', {
      title: 'Prosjekt med dokument i objektlager',
      focusAreaKeys: ['nasjonale-losninger'],
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 255, 0, 128]), Buffer.from('\n%%EOF')]);
    const uploaded = await secretariat.request<BasisDocument>(
      'POST',
      `/api/projects/${project.body.id}/documents?kind=mandate&fileName=mandat.pdf`,
      bytes,
      { 'content-type': 'application/pdf' },
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect((await s3.keys()).some((key) => key.includes(project.body.id))).toBe(true);

    const download = await t.app.inject({
      method: 'GET',
      url: `/api/project-documents/${uploaded.body.id}/file`,
      headers: { cookie: secretariat.cookie! },
    });
    expect(download.statusCode).toBe(200);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
