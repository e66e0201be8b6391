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
  // The input whose reply has not come yet: sent again, with the same inputId, after a reconnect (the runtime answers
  // a repeated inputId with the stored reply, so the turn never runs twice).
  var pendingInput = null;
  // The key of a start whose first turn has not come yet: a start sent again after a reconnect carries the same one,
  // so the runtime answers the session it already started instead of starting a second (issue 22).
  var startId = null;
  var liveKey = storageKey + ':live';
  var queueLine = document.getElementById('queue');
  var typingLine = document.getElementById('typing');
  // Live chat with an agent (issue 16): the contact followed, the last message sequence shown, own unacknowledged lines.
  var live = readLive();
  var pending = {};
  var shownSeq = {};
  var flowRunning = false;
  var typingTimer = null;
  var lastTypingSent = 0;

  function readLive() {
    try {
      return JSON.parse(sessionStorage.getItem(liveKey) || 'null');
    } catch {
      return null;
    }
  }

  function saveLive() {
    if (live) sessionStorage.setItem(liveKey, JSON.stringify(live));
    else sessionStorage.removeItem(liveKey);
  }

  function add(kind, message) {
    var item = document.createElement('li');
    item.className = 'msg ' + kind;
    item.textContent = message;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function randomId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return (
      'c-' +
      Array.prototype.map
        .call(bytes, function (b) {
          return ('0' + b.toString(16)).slice(-2);
        })
        .join('')
    );
  }

  function sendChat(line) {
    var id = randomId();
    // The next keystroke starts a new "typing" for the agent.
    lastTypingSent = 0;
    var item = add('caller', line);
    item.dataset.state = 'sending';
    item.dataset.id = id;
    pending[id] = { text: line, item: item };
    socket.send(JSON.stringify({ type: 'chat', id: id, text: line }));
  }

  function showMessage(message) {
    if (shownSeq[message.seq]) return;
    shownSeq[message.seq] = true;
    if (message.seq > live.afterSeq) {
      live.afterSeq = message.seq;
      saveLive();
    }
    var mine = message.sender === 'customer' && pending[message.id];
    if (mine) {
      markDelivered(message.id, message.seq);
      return;
    }
    var item = add(
      message.sender === 'agent' ? 'bot agent' : message.sender === 'customer' ? 'caller' : 'system',
      message.text,
    );
    item.dataset.seq = String(message.seq);
    if (message.sender === 'agent') {
      typingLine.textContent = '';
      socket.send(JSON.stringify({ type: 'seen', seq: message.seq }));
    }
  }

  function markDelivered(id, seq) {
    var entry = pending[id];
    if (!entry) return;
    delete pending[id];
    shownSeq[seq] = true;
    entry.item.dataset.state = 'delivered';
    entry.item.dataset.seq = String(seq);
    if (seq > live.afterSeq) {
      live.afterSeq = seq;
      saveLive();
    }
  }

  function markSeen(seq) {
    Array.prototype.forEach.call(log.querySelectorAll('.msg.caller[data-seq]'), function (item) {
      if (Number(item.dataset.seq) <= seq) item.dataset.state = 'read';
    });
  }

  function onLive(message) {
    if (message.type === 'handoff') {
      live = { contactId: message.contactId, afterSeq: 0 };
      saveLive();
      setEnabled(true);
      add('system', 'Waiting for an agent…');
    } else if (message.type === 'queue') {
      queueLine.textContent =
        'You are number ' +
        message.position +
        ' in the queue (about ' +
        Math.max(1, Math.round(message.estimatedWaitSeconds / 60)) +
        ' min).';
    } else if (message.type === 'agentJoined') {
      queueLine.textContent = '';
      add('system', message.agentName + ' joined the chat.');
    } else if (message.type === 'chatResumed') {
      setEnabled(message.status === 'waiting' || message.status === 'connected');
      if (message.status === 'connected' && message.agentName) queueLine.textContent = '';
      // Lines sent while the socket was down are sent again with the same ids: the runtime keeps each once.
      Object.keys(pending).forEach(function (id) {
        socket.send(JSON.stringify({ type: 'chat', id: id, text: pending[id].text }));
      });
    } else if (message.type === 'message') showMessage(message.message);
    else if (message.type === 'delivered') markDelivered(message.id, message.seq);
    else if (message.type === 'seen') markSeen(message.seq);
    else if (message.type === 'typing') {
      typingLine.textContent = 'The agent is typing…';
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () {
        typingLine.textContent = '';
      }, 4000);
    } else if (message.type === 'transferred') add('system', 'Transferring you to another team…');
    else if (message.type === 'flowTurn') onFlowTurn(message);
    else if (message.type === 'overflow') {
      var kind = message.target && message.target.kind;
      add(
        'system',
        kind === 'callback'
          ? 'All agents are busy; we will call you back.'
          : kind === 'voicemail'
            ? 'All agents are busy; leave us a message here.'
            : 'All agents are busy.',
      );
      if (kind === 'callback') endLive();
    } else if (message.type === 'chatEnded') {
      add('system', message.by === 'agent' ? 'The agent ended the chat.' : 'The chat has ended.');
      endLive();
    } else return false;
    return true;
  }

  function onFlowTurn(message) {
    flowRunning = message.status !== 'ended';
    message.outputs.forEach(function (output) {
      if (output.type === 'say') add('bot', output.text);
      else if (output.type === 'prompt') setChoices(output.expect && output.expect.choices);
    });
    if (!flowRunning) setChoices([]);
  }

  function endLive() {
    live = null;
    saveLive();
    queueLine.textContent = '';
    typingLine.textContent = '';
    setEnabled(false);
    showStartAgain();
  }

  function showStartAgain() {
    var again = document.createElement('button');
    again.type = 'button';
    again.textContent = 'Start again';
    again.addEventListener('click', restart);
    choices.appendChild(again);
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
    if (live && !flowRunning) return sendChat(value);
    add('caller', shown || value);
    setChoices([]);
    var event = { type: 'text', text: value };
    if (flowRunning) return socket.send(JSON.stringify({ type: 'flowInput', input: event }));
    pendingInput = { type: 'input', input: event, inputId: newInputId() };
    socket.send(JSON.stringify(pendingInput));
  }

  function resendPending() {
    if (pendingInput && socket && socket.readyState === 1) socket.send(JSON.stringify(pendingInput));
  }

  function newInputId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  function onTurn(message) {
    pendingInput = null;
    startId = null;
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
      var transferred = message.outputs.some(function (output) {
        return output.type === 'transfer';
      });
      // A transfer is followed at once by the hand-over to the agents when the queue exists.
      if (transferred)
        setTimeout(function () {
          if (!live) showStartAgain();
        }, 1500);
      else showStartAgain();
    } else {
      sessionStorage.setItem(storageKey, message.sessionId);
      setEnabled(true);
      text.focus();
    }
  }

  function restart() {
    pendingInput = null;
    startId = null;
    live = null;
    saveLive();
    pending = {};
    shownSeq = {};
    flowRunning = false;
    log.textContent = '';
    setChoices([]);
    sessionStorage.removeItem(storageKey);
    start();
  }

  function start() {
    if (!startId) startId = newInputId();
    var message = { type: 'start', flowId: flowId, inputId: startId };
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
      if (live) socket.send(JSON.stringify({ type: 'resumeChat', contactId: live.contactId, afterSeq: live.afterSeq }));
      else if (previous) socket.send(JSON.stringify({ type: 'resume', sessionId: previous }));
      else start();
    });
    socket.addEventListener('message', function (event) {
      var message = JSON.parse(event.data);
      if (onLive(message)) return;
      if (message.type === 'turn') onTurn(message);
      else if (message.type === 'resumed') {
        setEnabled(true);
        if (pendingInput) resendPending();
        else add('system', 'Welcome back.');
      } else if (message.type === 'error') {
        if (message.status !== 503) pendingInput = null;
        // The runtime's store did not confirm the turn: the same input, same inputId, once it is back.
        else if (pendingInput) setTimeout(resendPending, 1000);
        // Another runtime process is taking over the contact center: follow the chat again in a moment.
        else if (
          live &&
          message.errors.some(function (e) {
            return e.code === 'CENTER_UNAVAILABLE';
          })
        )
          setTimeout(function () {
            if (live && socket.readyState === WebSocket.OPEN)
              socket.send(JSON.stringify({ type: 'resumeChat', contactId: live.contactId, afterSeq: live.afterSeq }));
          }, 1000);
        if (
          message.errors.some(function (e) {
            return e.code === 'SESSION_ENDED' || e.code === 'NOT_FOUND' || e.code === 'CHAT_ENDED';
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

  text.addEventListener('input', function () {
    var now = Date.now();
    if (!live || flowRunning || !socket || socket.readyState !== 1 || now - lastTypingSent < 2000) return;
    lastTypingSent = now;
    socket.send(JSON.stringify({ type: 'typing' }));
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
