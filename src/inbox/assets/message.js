/*
 * The message page's progressive enhancement (every action also works as a plain form):
 *   autosave of the reply (JSON POST a few seconds after typing stops, versioned by revision),
 *   presence heartbeat ("viewing" / "replying") and live notices through window.inboxLive,
 *   keyboard shortcuts with a help dialog and a confirmation before approving.
 * Classic script, no build step; text from the server is only ever set as textContent.
 */
(function () {
  'use strict';
  var body = document.body;
  var messageId = body.getAttribute('data-message-id');
  if (!messageId) return;
  var version = Number(body.getAttribute('data-version')) || 0;
  var userId = body.getAttribute('data-user-id');
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';
  var base = '/inbox/messages/' + encodeURIComponent(messageId);

  var form = document.getElementById('reply-form');
  var textarea = document.getElementById('reply-body');
  var revisionInput = document.getElementById('reply-revision');
  var status = document.getElementById('reply-status');
  var approveButton = document.getElementById('approve-button');
  var approveNextButton = document.getElementById('approve-next-button');
  var startModeInput = document.getElementById('reply-start-mode');
  var changeNotice = document.getElementById('change-notice');
  var presenceBox = document.getElementById('presence');
  var MAX_CHARS = 20000;
  var AUTOSAVE_DELAY_MS = 2500;
  var HEARTBEAT_MS = 10000;

  function postJson(path, data) {
    return fetch(base + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(data),
    }).then(function (res) {
      if (res.status === 204) return { ok: true, status: 204, data: {} };
      return res
        .json()
        .catch(function () {
          return {};
        })
        .then(function (json) {
          return { ok: res.ok, status: res.status, data: json };
        });
    });
  }

  function showChange(text) {
    if (!changeNotice) return;
    changeNotice.textContent = '';
    var p = document.createElement('p');
    p.textContent = text + ' ';
    var link = document.createElement('a');
    link.href = base;
    link.textContent = 'Reload';
    p.appendChild(link);
    changeNotice.appendChild(p);
  }

  // The server refuses a stale approval anyway; this says so beside the button, before anyone tries.
  function blockApproval() {
    if (!approveButton) return;
    approveButton.disabled = true;
    approveButton.setAttribute('aria-describedby', 'change-notice');
    if (approveNextButton) {
      approveNextButton.disabled = true;
      approveNextButton.setAttribute('aria-describedby', 'change-notice');
    }
    if (status) status.textContent = 'Approval is off until you reload: the message or reply changed.';
  }

  // --- autosave -------------------------------------------------------------------------------
  var lastSaved = textarea ? textarea.value : '';
  var timer = null;
  var saving = null;
  var conflicted = false;
  var lastTyped = 0;

  function setStatus(text) {
    if (!status || !textarea) return;
    var count = textarea.value.length.toLocaleString('en-US') + ' of 20,000 characters';
    status.textContent = text ? text + ' · ' + count : count;
  }

  function save() {
    timer = null;
    if (!textarea || conflicted || saving) return saving;
    var text = textarea.value;
    if (text === lastSaved) return null;
    if (text.length > MAX_CHARS) {
      setStatus('Too long to save: shorten the reply');
      return null;
    }
    setStatus('Saving…');
    var payload = { body: text, revision: Number(revisionInput.value) || 0 };
    if (payload.revision === 0 && startModeInput) {
      payload.startMode = startModeInput.value;
      var draftField = form.querySelector('input[name="draftId"]');
      if (draftField && draftField.value) payload.draftId = draftField.value;
    }
    saving = postJson('/reply', payload)
      .then(function (r) {
        if (r.ok) {
          revisionInput.value = String(r.data.revision);
          if (startModeInput) {
            startModeInput.remove();
            startModeInput = null;
          }
          lastSaved = text;
          setStatus('Saved at ' + new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
        } else if (r.status === 409) {
          conflicted = true;
          setStatus('Not saved');
          showChange((r.data.error && r.data.error.message) || 'Someone else changed this reply.');
          blockApproval();
        } else {
          setStatus('Not saved: ' + ((r.data.error && r.data.error.message) || 'try Save'));
        }
      })
      .catch(function () {
        setStatus('Not saved: the connection failed; your text is still here');
      })
      .then(function () {
        saving = null;
        if (textarea.value !== lastSaved && !conflicted) timer = setTimeout(save, AUTOSAVE_DELAY_MS);
      });
    return saving;
  }

  // The box holds the draft before anyone started (revision 0): the first focus starts the reply
  // (reply.started, and the message is claimed if nobody holds it), like the old start buttons did.
  var starting = null;
  function ensureStarted() {
    if (!textarea || !startModeInput || saving || conflicted) return;
    if (Number(revisionInput.value) !== 0) return;
    var draftInput = form.querySelector('input[name="draftId"]');
    var mode = startModeInput.value === 'draft' ? 'draft' : 'blank';
    var data = { mode: mode, revision: 0 };
    if (mode === 'draft' && draftInput && draftInput.value) data.draftId = draftInput.value;
    saving = starting = postJson('/start', data)
      .then(function (r) {
        if (r.ok) {
          revisionInput.value = String(r.data.revision);
          var versionInput = form.querySelector('input[name="expectedVersion"]');
          if (Number(r.data.versionBefore) === version) {
            // Our own claim moved the version on; anything else would have been someone else's change.
            version = Number(r.data.version);
            body.setAttribute('data-version', String(version));
            if (versionInput) versionInput.value = String(version);
          } else {
            showChange('This message was changed by someone else — reload to see it.');
            blockApproval();
          }
          startModeInput.remove();
          startModeInput = null;
          // "Start blank instead" would name revision 0, which is gone now.
          var blank = document.getElementById('start-blank');
          if (blank && blank.form) blank.form.remove();
        } else if (r.status === 409) {
          conflicted = true;
          showChange((r.data.error && r.data.error.message) || 'Someone else started this reply.');
          blockApproval();
        }
      })
      .catch(function () {})
      .then(function () {
        saving = null;
        starting = null;
        if (textarea.value !== lastSaved && !conflicted) timer = setTimeout(save, AUTOSAVE_DELAY_MS);
      });
  }

  if (textarea && form) {
    setStatus('');
    textarea.addEventListener('focus', ensureStarted);
    textarea.addEventListener('input', function () {
      lastTyped = Date.now();
      setStatus(textarea.value === lastSaved ? '' : 'Unsaved changes');
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, AUTOSAVE_DELAY_MS);
    });
    // A save still in flight would move the revision under the form: let it land first.
    form.addEventListener('submit', function (event) {
      if (timer) clearTimeout(timer);
      timer = null;
      if (saving) {
        event.preventDefault();
        var submitter = event.submitter;
        saving.then(function () {
          if (!conflicted) form.requestSubmit(submitter);
        });
      }
    });
  }

  // --- presence and live notices ----------------------------------------------------------------
  function render(people) {
    if (window.inboxLive && window.inboxLive.renderPresence) {
      window.inboxLive.renderPresence(presenceBox, people, userId);
    }
  }

  function mode() {
    var typing = textarea && (document.activeElement === textarea || Date.now() - lastTyped < 30000);
    return typing ? 'replying' : 'viewing';
  }

  function heartbeat() {
    postJson('/presence', { mode: mode() })
      .then(function (r) {
        if (r.ok && r.data.people) render(r.data.people);
      })
      .catch(function () {});
  }
  heartbeat();
  setInterval(heartbeat, HEARTBEAT_MS);
  if (textarea) textarea.addEventListener('focus', heartbeat);
  window.addEventListener('pagehide', function () {
    if (navigator.sendBeacon) {
      navigator.sendBeacon(base + '/presence', new URLSearchParams({ _csrf: csrf, mode: 'gone' }));
    }
  });

  if (window.inboxLive) {
    window.inboxLive.on('presence', function (data) {
      if (data && data.messageId === messageId) render(data.people);
    });
    var onMessage = function (data) {
      if (!data || data.id !== messageId) return;
      // Our own start (a claim) moves the version too: judge the event once it has answered.
      if (starting) {
        starting.then(function () {
          onMessage(data);
        });
        return;
      }
      if (!(Number(data.version) > version)) return;
      version = Number(data.version);
      showChange('This message was changed by someone else — reload to see it.');
      blockApproval();
    };
    window.inboxLive.on('message', onMessage);
  }

  // --- dialogs and shortcuts ----------------------------------------------------------------------
  var helpDialog = document.getElementById('help-dialog');
  var helpButton = document.getElementById('help-button');
  var approveDialog = document.getElementById('approve-dialog');

  function openDialog(dialog) {
    if (dialog && typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
  }

  if (helpButton && helpDialog) {
    helpButton.hidden = false;
    helpButton.addEventListener('click', function () {
      openDialog(helpDialog);
    });
  }

  // Which button the confirmation sends with: "Approve and send" or "Approve and next".
  var pendingApproval = null;
  function askApproval(andNext) {
    var button = andNext ? approveNextButton : approveButton;
    if (!button || button.disabled || !approveDialog) return;
    pendingApproval = button;
    openDialog(approveDialog);
    var confirm = document.getElementById('approve-confirm');
    if (confirm) confirm.focus();
  }

  var confirmButton = document.getElementById('approve-confirm');
  var cancelButton = document.getElementById('approve-cancel');
  if (confirmButton) {
    confirmButton.addEventListener('click', function () {
      approveDialog.close();
      var button = pendingApproval || approveButton;
      if (form && button && !button.disabled) form.requestSubmit(button);
    });
  }
  if (cancelButton) {
    cancelButton.addEventListener('click', function () {
      approveDialog.close();
      if (textarea) textarea.focus();
    });
  }

  function isTyping(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link) location.href = link.href;
  }

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      if (event.target === textarea || !isTyping(event.target)) {
        event.preventDefault();
        askApproval(event.shiftKey);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if ((helpDialog && helpDialog.open) || (approveDialog && approveDialog.open)) return;
    switch (event.key) {
      case '?':
        openDialog(helpDialog);
        break;
      case 'e':
        // The reply box is there from the start (holding the draft): put the cursor at its end.
        if (textarea) {
          textarea.focus();
          textarea.setSelectionRange(textarea.value.length, textarea.value.length);
        }
        break;
      case 'a':
        askApproval(false);
        break;
      case 'A':
        askApproval(true);
        break;
      case 'c': {
        var reason = document.getElementById('close-reason');
        if (reason) {
          reason.scrollIntoView({ block: 'center' });
          reason.focus();
        }
        break;
      }
      case 'n':
        follow('next-link');
        break;
      case 'p':
        follow('prev-link');
        break;
      case 'u':
        follow('back-link');
        break;
      default:
        return;
    }
    event.preventDefault();
  });
})();
