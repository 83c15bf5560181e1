import { EventEmitter } from 'node:events';
import type { ContractEvents } from '../shared/contract';

/** The contract's events (import progress, connectivity), typed by their names. */
export class TypedEmitter {
  private readonly emitter = new EventEmitter();
  emit<E extends keyof ContractEvents>(event: E, payload: ContractEvents[E]): void {
    this.emitter.emit(event, payload);
  }
  on<E extends keyof ContractEvents>(event: E, listener: (payload: ContractEvents[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }
}
