import { useState } from 'react';
import { createRoot } from 'react-dom/client';

/** A React-controlled reply box: what is sent comes from React state, never from the DOM. */
function ReplyBox() {
  const [draft, setDraft] = useState('');
  const [sent, setSent] = useState<string[]>([]);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSent([...sent, draft]);
        setDraft('');
      }}
    >
      <label htmlFor="reply">Reply</label>
      <textarea id="reply" value={draft} onChange={(event) => setDraft(event.target.value)} rows={4} />
      <p role="status" aria-label="Characters">{draft.length} characters</p>
      <button type="submit">Send</button>
      <ul aria-label="Sent">
        {sent.map((text, index) => (
          <li key={index}>{text}</li>
        ))}
      </ul>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<ReplyBox />);
