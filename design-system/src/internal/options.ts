import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One choice, read from a light-DOM `<option>`. */
export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  readonly disabled: boolean;
}

/**
 * Reads the host's light-DOM `<option>` children (the familiar markup of a native select) and re-renders the host
 * when they change.
 */
export class OptionsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer: MutationObserver;
  options: readonly ChoiceOption[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#observer = new MutationObserver(() => this.#read());
    host.addController(this);
  }

  hostConnected(): void {
    this.#read();
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true, attributes: true });
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  #read(): void {
    this.options = [...this.#host.querySelectorAll(':scope > option')].map((option) => {
      const element = option as HTMLOptionElement;
      return { value: element.value, label: element.label || element.text, disabled: element.disabled };
    });
    this.#host.requestUpdate();
  }
}
