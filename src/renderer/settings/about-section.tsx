import { useEffect, useRef, useState } from 'react';
import type { AboutInfo } from '../../shared/about';
import type { SettingsApi } from '../../shared/ipc-contract';
import { updateStatusText, type UpdateStatus } from '../../shared/update-status';
import { settle } from '../bridge';

export interface AboutSectionProps {
  api: SettingsApi;
  /** Bumped when the tray's "About Ticker" asks for this section: it scrolls into view and takes focus. */
  focusRequest: number;
}

/**
 * About: the version and the runtime's, the licence and homepage, where updating stands (check now,
 * restart to update), the log folder, and the third-party licences the build wrote.
 */
export function AboutSection({ api, focusRequest }: AboutSectionProps) {
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [update, setUpdate] = useState<UpdateStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let alive = true;
    void settle(() => api.getAbout()).then((result) => {
      if (!alive) return;
      if (result.ok) {
        setAbout(result.value);
        setUpdate((current) => current ?? result.value.update);
      } else setProblem(result.error.message);
    });
    const stop = api.onUpdate((status) => setUpdate(status));
    return () => {
      alive = false;
      stop();
    };
  }, [api]);

  useEffect(() => {
    if (focusRequest === 0) return;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus();
  }, [focusRequest, about]);

  const checkNow = async () => {
    setBusy(true);
    setProblem(null);
    const result = await settle(() => api.checkForUpdates());
    setBusy(false);
    if (result.ok) setUpdate(result.value);
    else setProblem(result.error.message);
  };
  const restart = async () => {
    const result = await settle(() => api.restartToUpdate());
    if (!result.ok) setProblem(result.error.message);
  };
  const openLogFolder = async () => {
    const result = await settle(() => api.openLogFolder());
    if (!result.ok) setProblem(result.error.message);
  };
  const openHomepage = (url: string) => void settle(() => api.openExternal(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK: a bridge call; main opens only the links it builds (src/shared/external-links.ts)

  const checking = update?.state === 'checking' || update?.state === 'downloading';
  const canCheck = update !== null && update.state !== 'unsupported' && update.state !== 'ready';

  return (
    <section className="card about" aria-labelledby="about-heading">
      <h2 id="about-heading" ref={headingRef} tabIndex={-1}>
        About Ticker
      </h2>
      {about ? (
        <>
          <dl className="about-facts">
            <dt>Version</dt>
            <dd data-testid="about-version">{about.version}</dd>
            <dt>Electron</dt>
            <dd>{about.electron}</dd>
            <dt>Chromium</dt>
            <dd>{about.chromium}</dd>
            <dt>Node</dt>
            <dd>{about.node}</dd>
            <dt>Licence</dt>
            <dd>{about.license}</dd>
            {about.homepage ? (
              <>
                <dt>Homepage</dt>
                <dd>
                  <a
                    href={about.homepage}
                    onClick={(event) => {
                      event.preventDefault();
                      openHomepage(about.homepage!);
                    }}
                  >
                    {about.homepage}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          <p className="hint">{about.copyright}. Market data from Finnhub.</p>
        </>
      ) : problem === null ? (
        <p className="hint">Loading…</p>
      ) : null}
      <h3>Updates</h3>
      <p role="status" data-testid="update-status">
        {update && about ? updateStatusText(update, about.version) : ''}
      </p>
      <div className="row">
        {update?.state === 'ready' ? (
          <button type="button" onClick={() => void restart()}>
            Restart to update
          </button>
        ) : (
          <button type="button" disabled={busy || checking || !canCheck} onClick={() => void checkNow()}>
            Check for updates
          </button>
        )}
        {about?.logFolder ? (
          <button type="button" onClick={() => void openLogFolder()}>
            Open log folder
          </button>
        ) : null}
      </div>
      {about?.logFolder ? <p className="hint">The log is in {about.logFolder}</p> : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <details className="licences">
        <summary>Third-party licences</summary>
        {about?.thirdParty ? (
          about.thirdParty.map((entry) => (
            <article key={`${entry.name}@${entry.version}`}>
              <h4>
                {entry.name} {entry.version} ({entry.license})
              </h4>
              {entry.text ? <pre>{entry.text}</pre> : null}
            </article>
          ))
        ) : (
          <p className="hint">The licences are written by the build; this copy runs from source.</p>
        )}
      </details>
    </section>
  );
}
