/**
 * Last line of defence: a render error must never leave a black or blank kiosk. Shows a
 * recovery message in both languages (i18n itself may be what broke) and reloads the page.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Time to read the message before the page reloads itself. */
const RELOAD_AFTER_MS = 5000;

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly failed: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Kiosk screen crashed; reloading', error, info.componentStack);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="screen screen-message screen-recovering" data-testid="screen-recovering" role="alert">
        <div className="spinner" aria-hidden="true" />
        <h1 className="message-title" lang="zh-CN">
          出了点问题，正在恢复…
        </h1>
        <p className="message-title" lang="en">
          Something went wrong — restarting…
        </p>
        <p className="message-body">请稍候 · Please wait</p>
      </section>
    );
  }
}
