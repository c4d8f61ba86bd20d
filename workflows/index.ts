export { projectLifecycleWorkflow } from './project-lifecycle.ts';
export { failedCampaignResolutionWorkflow } from './failed-campaign-resolution.ts';
export { topUpSweepWorkflow } from './top-up-sweep.ts';
export { emailDeliveryWorkflow } from './email-delivery.ts';
export { notifyWorkflow } from './notify.ts';
export { reconciliationWorkflow } from './reconciliation.ts';
