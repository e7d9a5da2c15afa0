/**
 * The sign-in page of the browser desk (`/login`, `/login.js`): user name and password, then
 * the programmes this account may see, each opening the desk with its bridge token
 * (`/?token=<CSRF>.<programme>`, web-bridge.ts). Plain HTML and a script file: the renderer's
 * CSP (no inline script) applies here too.
 */
export const LOGIN_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Xã Số — Đăng nhập máy chủ thu nhận</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem; }
label { display: block; margin: .75rem 0 .25rem; }
input, button { font: inherit; padding: .4rem .6rem; width: 100%; box-sizing: border-box; }
button { margin-top: 1rem; cursor: pointer; }
#error { color: #a4262c; }
li { margin: .5rem 0; }
</style>
</head>
<body>
<h1>Xã Số — máy chủ thu nhận</h1>
<p lang="en">Xã Số — collection server</p>
<form id="login">
<label for="username">Tên đăng nhập <span lang="en">/ User name</span></label>
<input id="username" name="username" autocomplete="username" required>
<label for="password">Mật khẩu <span lang="en">/ Password</span></label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập <span lang="en">/ Sign in</span></button>
</form>
<p id="error" role="alert"></p>
<section id="programmes" hidden>
<h2>Chọn chương trình <span lang="en">/ Choose a programme</span></h2>
<ul id="list"></ul>
</section>
<script src="/login.js"></script>
</body>
</html>
`;

export const LOGIN_JS = `'use strict';
const form = document.getElementById('login');
const error = document.getElementById('error');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const body = JSON.stringify({
    username: form.username.value.trim(),
    password: form.password.value,
  });
  const signIn = await fetch('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answer = await signIn.json();
  if (!answer.ok) {
    error.textContent = answer.error.message.vi + ' / ' + answer.error.message.en;
    return;
  }
  const listed = await (await fetch('/api/v1/programmes')).json();
  const list = document.getElementById('list');
  list.textContent = '';
  for (const p of listed.value) {
    const a = document.createElement('a');
    a.href = '/?token=' + encodeURIComponent(answer.value.csrf + '.' + p.id);
    a.textContent = p.name;
    const li = document.createElement('li');
    li.appendChild(a);
    list.appendChild(li);
  }
  form.hidden = true;
  document.getElementById('programmes').hidden = false;
});
`;
