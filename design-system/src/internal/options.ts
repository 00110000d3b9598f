import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One choice, read from a light-DOM `<option>`, its value and label without surrounding whitespace. */
export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  readonly disabled: boolean;
}

/**
 * Reads the host's light-DOM `<option>` children (the familiar markup of a native select) and re-renders the host
 * when they change. Value and label are trimmed: markup formatted over several lines (`<option value="ma">⏎  Maths⏎
 * </option>`) must not submit or show the indentation. (A native option already trims a label it takes from its
 * text, but not a `label` or `value` attribute.)
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
      return { value: element.value.trim(), label: (element.label || element.text).trim(), disabled: element.disabled };
    });
    this.#host.requestUpdate();
  }
}
