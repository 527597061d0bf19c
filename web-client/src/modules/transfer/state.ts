// Transfer state machine: none -> progress -> success | failure.
import type { TransferState } from '../../state/calls';

export type TransferEvent =
  | { type: 'start' }
  | { type: 'requestFailed' }
  | { type: 'notify'; status: number }
  | { type: 'failed' }
  | { type: 'reset' };

export function transferTransition(state: TransferState, ev: TransferEvent): TransferState {
  switch (ev.type) {
    case 'start':
      return state === 'progress' ? state : 'progress';
    case 'reset':
      return 'none';
    case 'requestFailed':
    case 'failed':
      return state === 'progress' ? 'failure' : state;
    case 'notify':
      if (state !== 'progress') return state;
      if (ev.status >= 100 && ev.status < 200) return 'progress';
      if (ev.status >= 200 && ev.status < 300) return 'success';
      return 'failure';
  }
}

export const transferFinished = (s: TransferState): boolean => s === 'success' || s === 'failure';
