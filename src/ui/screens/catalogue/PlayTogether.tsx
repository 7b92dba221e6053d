import { hashOf } from '../../routes/hash-route';
import { goTo } from '../../routes/use-hash-route';

/** The ways into a shared session: run a drill or a mock interview as host, or join someone's room. */
export function PlayTogether() {
  return (
    <section className="card catalogue-settings play-together" aria-labelledby="play-together-title">
      <h2 id="play-together-title" className="catalogue-settings__title">
        Play together
      </h2>
      <p className="catalogue-settings__help">Everyone plays the same incident from their own screen. Rooms need the room server (<code>npm run serve</code>).</p>
      <div className="play-together__actions">
        <button type="button" className="btn" onClick={() => goTo(hashOf({ kind: 'new-room', mode: 'drill' }))}>
          Run a drill
        </button>
        <button type="button" className="btn" onClick={() => goTo(hashOf({ kind: 'new-room', mode: 'interview' }))}>
          Mock interview
        </button>
        <button type="button" className="btn btn--primary" onClick={() => goTo(hashOf({ kind: 'join', code: null }))}>
          Join a room
        </button>
      </div>
    </section>
  );
}
