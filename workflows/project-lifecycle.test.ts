import { beforeAll, describe, expect, it } from 'vitest';
import { listProjectTimeline } from '../db/queries/project-status.ts';
import { createTestApp } from '../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { projectWorkflowId, stateQuery } from './project-lifecycle.messages.ts';

const { db, temporal, browser } = await createTestApp({ worker: true });
let porteur: { id: number; email: string };
let otherPorteur: { id: number; email: string };
let projectId: number;

beforeAll(async () => {
  const schoolUai = await insertSchool(db);
  porteur = await insertUser(db, 'porteur', { schoolUai });
  otherPorteur = await insertUser(db, 'porteur', { schoolUai });
  projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });
});

describe('submitting a project, on the real Temporal server', () => {
  it('starts the project’s workflow, which records the submission in Postgres with who did it', async () => {
    const client = browser();
    await client.login(porteur.email);
    const response = await client.request('POST', `/api/projects/${projectId}/submit`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ projectId, status: 'submitted' });

    const [project] = await db`select status from projects where id = ${projectId}`;
    expect(project?.status).toBe('submitted');
    const timeline = await listProjectTimeline(db, projectId);
    expect(timeline.map(({ fromStatus, toStatus, actorName }) => [fromStatus, toStatus, actorName])).toEqual([
      ['draft', 'submitted', 'Test porteur'],
    ]);
    const state = await temporal.workflow.getHandle(projectWorkflowId(projectId)).query(stateQuery);
    expect(state.status).toBe('submitted');
  });

  it('refuses a second submission with a 409 a person understands, and records nothing more', async () => {
    const client = browser();
    await client.login(porteur.email);
    const response = await client.request('POST', `/api/projects/${projectId}/submit`);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: 'invalid_transition',
      message: 'Ce projet a déjà été soumis : il ne peut plus l’être dans son état actuel.',
    });
    expect(await listProjectTimeline(db, projectId)).toHaveLength(1);
  });

  it('does not let another porteur submit a project that is not theirs', async () => {
    const client = browser();
    await client.login(otherPorteur.email);
    const response = await client.request('POST', `/api/projects/${projectId}/submit`);
    expect(response.status).toBe(404);
    expect((await response.json()).message).toBe('Projet introuvable parmi vos projets.');
  });
});
