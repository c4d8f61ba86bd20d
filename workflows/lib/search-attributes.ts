import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { CarriedState, ProjectFacts } from '../project-lifecycle.messages.ts';

/** Custom search attributes shown in the Temporal UI (registered by dev/temporal.ts and docker-compose). */
export const PROJECT_STATUS = defineSearchAttributeKey('ProjectStatus', SearchAttributeType.KEYWORD);
export const ACADEMIE = defineSearchAttributeKey('Academie', SearchAttributeType.KEYWORD);
export const CAMPAIGN_DEADLINE = defineSearchAttributeKey('CampaignDeadline', SearchAttributeType.DATETIME);

/** Publishes the project's status, académie and campaign deadline to the Temporal UI. */
export function recordSearchAttributes(project: ProjectFacts, state: CarriedState): void {
  upsertSearchAttributes([
    { key: PROJECT_STATUS, value: state.status },
    { key: ACADEMIE, value: project.academyCode },
    ...(state.campaignEndsAt ? [{ key: CAMPAIGN_DEADLINE, value: new Date(state.campaignEndsAt) }] : []),
  ]);
}
