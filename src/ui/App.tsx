// Top-level screen; a placeholder until the incident console lands.
export function App() {
  return (
    <main className="placeholder">
      <h1>
        <img className="placeholder__mark" src="/favicon.svg" alt="" width={48} height={48} />
        Firedrill
      </h1>
      <p className="placeholder__tagline">
        Practise data-platform incidents: detect, triage, mitigate, prevent.
      </p>
      <p className="placeholder__note">The incident console is coming soon.</p>
    </main>
  );
}
