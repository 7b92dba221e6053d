const steps = [
  { name: 'Detect', text: 'A page fires. Acknowledge it and size the impact.' },
  { name: 'Triage', text: 'Walk upstream with real-looking tools and name the cause.' },
  { name: 'Mitigate', text: 'Stop the impact without losing or double-counting data.' },
  { name: 'Prevent', text: 'Write the postmortem, then compare your run with par.' },
];

/** The four phases of a drill, so a first-time player knows what the next half hour holds. */
export function HowItWorks() {
  return (
    <section className="catalogue-steps" aria-labelledby="catalogue-steps-title">
      <h2 id="catalogue-steps-title" className="catalogue__section-title">
        How a drill works
      </h2>
      <ol className="catalogue-steps__list">
        {steps.map((s, i) => (
          <li key={s.name} className="catalogue-steps__step">
            <p className="catalogue-steps__name">
              <span className="catalogue-steps__number" aria-hidden="true">
                {i + 1}
              </span>
              {s.name}
            </p>
            <p className="catalogue-steps__text">{s.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
