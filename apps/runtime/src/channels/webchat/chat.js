// Omniflow web chat: plain browser JavaScript, no build step. Talks to /ws/chat with the page's channel token.
(function () {
  'use strict';
  var flowId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  var params = new URLSearchParams(location.search);
  var token = params.get('token') || '';
  // The embedding page's data attributes (embed.js turns data-attr-* into attr-* parameters): contact.attributes.*.
  var attributes = {};
  var attributeCount = 0;
  params.forEach(function (value, name) {
    if (name.indexOf('attr-') === 0 && name.length > 5) {
      attributes[name.slice(5)] = value;
      attributeCount += 1;
    }
  });
  var log = document.getElementById('log');
  var choices = document.getElementById('choices');
  var form = document.getElementById('composer');
  var text = document.getElementById('text');
  var send = document.getElementById('send');
  var statusLine = document.getElementById('status');
  var localeSelect = document.getElementById('locale');
  var socket = null;
  var storageKey = 'omniflow-chat:' + flowId;

  function add(kind, message) {
    var item = document.createElement('li');
    item.className = 'msg ' + kind;
    item.textContent = message;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function setChoices(list) {
    choices.textContent = '';
    (list || []).forEach(function (choice) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = choice.label;
      button.addEventListener('click', function () {
        input(choice.value, choice.label);
      });
      choices.appendChild(button);
    });
  }

  function setEnabled(on) {
    text.disabled = !on;
    send.disabled = !on;
  }

  function input(value, shown) {
    if (!socket || socket.readyState !== 1) return;
    add('caller', shown || value);
    setChoices([]);
    socket.send(JSON.stringify({ type: 'input', input: { type: 'text', text: value } }));
  }

  function onTurn(message) {
    message.outputs.forEach(function (output) {
      if (output.type === 'say') add('bot', output.text);
      else if (output.type === 'prompt') setChoices(output.expect && output.expect.choices);
      else if (output.type === 'transfer')
        add('system', 'Connecting you to ' + (output.queue || output.agent || 'an agent') + '…');
      else if (output.type === 'end') add('system', 'The conversation has ended.');
    });
    if (message.status === 'ended') {
      sessionStorage.removeItem(storageKey);
      setEnabled(false);
      setChoices([]);
      var again = document.createElement('button');
      again.type = 'button';
      again.textContent = 'Start again';
      again.addEventListener('click', restart);
      choices.appendChild(again);
    } else {
      sessionStorage.setItem(storageKey, message.sessionId);
      setEnabled(true);
      text.focus();
    }
  }

  function restart() {
    log.textContent = '';
    setChoices([]);
    sessionStorage.removeItem(storageKey);
    start();
  }

  function start() {
    var message = { type: 'start', flowId: flowId };
    if (localeSelect.value) message.locale = localeSelect.value;
    if (attributeCount > 0) message.contact = { attributes: attributes };
    socket.send(JSON.stringify(message));
  }

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/ws/chat?token=' + encodeURIComponent(token));
    socket.addEventListener('open', function () {
      statusLine.textContent = '';
      var previous = sessionStorage.getItem(storageKey);
      if (previous) socket.send(JSON.stringify({ type: 'resume', sessionId: previous }));
      else start();
    });
    socket.addEventListener('message', function (event) {
      var message = JSON.parse(event.data);
      if (message.type === 'turn') onTurn(message);
      else if (message.type === 'resumed') {
        setEnabled(true);
        add('system', 'Welcome back.');
      } else if (message.type === 'error') {
        if (
          message.errors.some(function (e) {
            return e.code === 'SESSION_ENDED' || e.code === 'NOT_FOUND';
          })
        )
          restart();
        else
          statusLine.textContent = message.errors
            .map(function (e) {
              return e.message;
            })
            .join(' ');
      }
    });
    socket.addEventListener('close', function () {
      setEnabled(false);
      statusLine.textContent = 'Disconnected. Reconnecting…';
      setTimeout(connect, 2000);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var value = text.value.trim();
    if (!value) return;
    text.value = '';
    input(value);
  });

  localeSelect.addEventListener('change', function () {
    document.documentElement.lang = localeSelect.value;
    restart();
  });

  setEnabled(false);
  fetch('/chat/' + encodeURIComponent(flowId) + '/config', { headers: { Authorization: 'Bearer ' + token } })
    .then(function (response) {
      return response.json();
    })
    .then(function (config) {
      if (config.errors) throw new Error(config.errors[0].message);
      document.title = config.name;
      document.getElementById('title').textContent = config.name;
      var wanted = params.get('locale') || config.defaultLocale;
      config.locales.forEach(function (locale) {
        var option = document.createElement('option');
        option.value = locale;
        option.textContent = locale;
        option.selected = locale === wanted;
        localeSelect.appendChild(option);
      });
      document.documentElement.lang = localeSelect.value;
      connect();
    })
    .catch(function (error) {
      statusLine.textContent = 'This chat is not available: ' + error.message;
    });
})();
