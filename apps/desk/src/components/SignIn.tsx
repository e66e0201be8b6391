import { useState, type FormEvent } from 'react';
import { deskCall } from '../api/deskApi.ts';
import { useDeskT } from '../i18n/deskMessages.ts';
import { useDesk } from '../state/useDesk.ts';
import { LanguagePicker } from './LanguagePicker.tsx';

interface SignInReply {
  token: string;
  agent: { id: string; name: string; role: 'agent' | 'supervisor' };
}

/** The desk's sign-in form: an agent login and password (the demo ones are in the README). */
export function SignIn() {
  const t = useDeskT();
  const signedIn = useDesk((s) => s.signedIn);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      const reply = await deskCall<SignInReply>(null, 'POST', '/api/desk/sign-in', { login, password });
      signedIn(reply.token, reply.agent);
    } catch {
      setFailed(true);
    }
  };
  return (
    <main className="sign-in">
      <form onSubmit={(event) => void submit(event)} aria-label={t('signIn')}>
        <h1>{t('title')}</h1>
        <label>
          {t('login')}
          <input name="login" value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </label>
        {failed && <p className="error">{t('signInFailed')}</p>}
        <button type="submit">{t('signIn')}</button>
        <LanguagePicker />
      </form>
    </main>
  );
}
