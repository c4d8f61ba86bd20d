import { ApplicationFailure } from '@temporalio/workflow';
import { refusalOf, type LifecycleAction } from '../../domain/lifecycle.ts';
import { INVALID_ACTION_INPUT, INVALID_TRANSITION } from '../project-lifecycle.messages.ts';

/** The failure an update validator throws when the state forbids the action (API: 409). */
export function refused(action: LifecycleAction): ApplicationFailure {
  return ApplicationFailure.nonRetryable(refusalOf(action), INVALID_TRANSITION);
}

/** The failure an update validator throws when the action's input is not acceptable (API: 422). */
export function invalidInput(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, INVALID_ACTION_INPUT);
}

/** The failure thrown while another action on the same project is still being recorded (API: 409). */
export function busy(): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    'Une autre action est en cours d’enregistrement sur ce projet ; réessayez dans un instant.',
    INVALID_TRANSITION,
  );
}
