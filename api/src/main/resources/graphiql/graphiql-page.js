// GraphiQL served by the hub (no CDN). Sign-in: in the demo, a token from the demo issuer; elsewhere, put
// {"Authorization": "Bearer <token>"} in the Headers tab. The token lives in this tab's sessionStorage only.
(function () {
  'use strict';
  var KEY = 'hub.graphiql.token';
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';

  function headersFor(token) {
    return token ? JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2) : '';
  }

  function render() {
    var token = sessionStorage.getItem(KEY);
    var fetcher = GraphiQL.createFetcher({
      url: '/graphql',
      subscriptionUrl: wsUrl,
      wsConnectionParams: token ? { Authorization: 'Bearer ' + token } : {}
    });
    root.render(React.createElement(GraphiQL, {
      key: token || 'anonymous',
      fetcher: fetcher,
      headers: headersFor(token),
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
      defaultQuery: '# 当前身份与中枢版本\n{\n  me { actor roles department { name } }\n  hubInfo { version }\n}\n'
    }));
    document.getElementById('signed-in').textContent = token ? '已登录：' + (sessionStorage.getItem(KEY + '.user') || '') : '未登录：匿名访问（PUBLIC）';
    document.getElementById('sign-out').hidden = !token;
  }

  // The demo issuer lists its users only where it is enabled; elsewhere the form stays hidden.
  fetch('/demo-issuer/users').then(function (r) { return r.ok ? r.json() : null; }).then(function (users) {
    if (!users) { return; }
    var select = document.getElementById('demo-user');
    Object.keys(users).forEach(function (id) {
      var option = document.createElement('option');
      option.value = id;
      option.textContent = id + ' (' + (users[id].roles || []).join(', ') + ')';
      select.appendChild(option);
    });
    document.getElementById('sign-in').hidden = false;
  }).catch(function () { /* no demo issuer */ });

  document.getElementById('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    var user = document.getElementById('demo-user').value;
    var body = new URLSearchParams({ grant_type: 'client_credentials', client_id: user, client_secret: 'demo' });
    fetch('/demo-issuer/token', { method: 'POST', body: body }).then(function (r) { return r.json(); }).then(function (t) {
      if (t.access_token) {
        sessionStorage.setItem(KEY, t.access_token);
        sessionStorage.setItem(KEY + '.user', user);
        render();
      }
    });
  });
  document.getElementById('sign-out').addEventListener('click', function () {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY + '.user');
    render();
  });
  render();
}());
