export { projectLifecycleWorkflow } from './project-lifecycle.ts';
