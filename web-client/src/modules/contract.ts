// The feature-module contract. A feature (calls, transfer, conference, history, screen share,
// meetings, a plugin's panel) is a module: its state (a slice of the app store, or its own),
// a controller that subscribes to typed phone events, and a view that contributes a panel,
// call controls, header buttons or dialogs. The shell (ui/app.ts) places what the views
// contribute; main.ts lists the modules. See README "Feature modules".
import type { Phone } from '../sip/phone';
import type { CallInfo } from '../state/calls';
import type { Settings } from '../state/settings';
import type { AppState, Store } from '../state/store';

/** What a module's controller and view may use. */
export interface ModuleContext {
  readonly phone: Phone;
  readonly store: Store;
  settings(): Settings;
  /** Opens (true) or closes (false) the sidebar on a phone-width screen. */
  showSidebar(open: boolean): void;
}

/** A button of the in-call controls, placed by `order` among the others (core ones: mute 10,
 *  hold 20, keypad 30, add video 40, pause video 50, add call 70, statistics 100). */
export interface CallControl {
  readonly order: number;
  readonly el: HTMLButtonElement;
  /** The focused call changed (state, pressed flags, enabled). */
  render(call: CallInfo, s: AppState): void;
}

/** What a module shows. Everything is optional. */
export interface FeatureView {
  /** A section of the sidebar (below the call list), e.g. history, meetings. */
  readonly panel?: HTMLElement;
  /** Buttons in the focused call's controls. */
  readonly callControls?: CallControl[];
  /** Buttons in the header, before Settings. */
  readonly headerButtons?: HTMLElement[];
  /** Dialogs, appended to the app root. */
  readonly dialogs?: HTMLElement[];
  /** The app state changed (called after every store update while the view is shown). */
  render?(s: AppState): void;
}

export interface FeatureModule {
  /** Unique id; for a server feature, the same id as its `ClientFeature` on the server. */
  readonly id: string;
  /** When true, the view is shown only while GET /api/client-config lists a feature with
   *  this module's id (the server has it installed); built-in modules leave it out. */
  readonly serverFeature?: boolean;
  /** Controller: subscribe to phone events and the store. Called once, at start. */
  start(ctx: ModuleContext): void;
  /** View: built once, after start. */
  view?(ctx: ModuleContext): FeatureView;
  /** The server feature's settings (from client-config), whenever they change. */
  configure?(settings: Readonly<Record<string, unknown>>): void;
}

/** A server feature as GET /api/client-config lists it. */
export interface ServerFeature {
  id: string;
  settings: Record<string, unknown>;
}
