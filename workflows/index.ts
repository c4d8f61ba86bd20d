export { projectLifecycleWorkflowV2 } from './project-lifecycle.ts';
export { projectLifecycleWorkflow } from './project-lifecycle-v1/workflow.ts';
export { failedCampaignResolutionWorkflow } from './failed-campaign-resolution.ts';
export { topUpSweepWorkflow } from './top-up-sweep.ts';
export { emailDeliveryWorkflow } from './email-delivery.ts';
export { notifyWorkflow } from './notify.ts';
export { reconciliationWorkflow } from './reconciliation.ts';
