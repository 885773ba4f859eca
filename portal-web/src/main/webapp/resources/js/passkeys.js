/*
 * Passkey ceremonies (WebAuthn). A button with data-passkey="get" or "create" asks the portal for options
 * (data-options, a POST that keeps a fresh challenge in the session), hands them to navigator.credentials, writes the
 * authenticator's answer as JSON into the form's hidden field (data-field) and presses the form's hidden button
 * (data-submit): the portal checks the answer. Nothing here decides anything.
 */
(function () {
    'use strict';

    function bytes(base64url) {
        var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
        while (base64.length % 4) {
            base64 += '=';
        }
        var binary = atob(base64);
        var out = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) {
            out[i] = binary.charCodeAt(i);
        }
        return out.buffer;
    }

    function base64url(buffer) {
        var view = new Uint8Array(buffer);
        var binary = '';
        for (var i = 0; i < view.length; i++) {
            binary += String.fromCharCode(view[i]);
        }
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function descriptors(list) {
        return (list || []).map(function (d) {
            return {type: d.type, id: bytes(d.id)};
        });
    }

    function creationOptions(json) {
        var options = Object.assign({}, json);
        options.challenge = bytes(json.challenge);
        options.user = Object.assign({}, json.user, {id: bytes(json.user.id)});
        options.excludeCredentials = descriptors(json.excludeCredentials);
        return options;
    }

    function requestOptions(json) {
        var options = Object.assign({}, json);
        options.challenge = bytes(json.challenge);
        options.allowCredentials = descriptors(json.allowCredentials);
        return options;
    }

    function answer(credential) {
        var response = credential.response;
        var json = {
            id: credential.id,
            rawId: base64url(credential.rawId),
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
            response: {clientDataJSON: base64url(response.clientDataJSON)}
        };
        if (response.attestationObject) {
            json.response.attestationObject = base64url(response.attestationObject);
            if (response.getTransports) {
                json.response.transports = response.getTransports();
            }
        } else {
            json.response.authenticatorData = base64url(response.authenticatorData);
            json.response.signature = base64url(response.signature);
            if (response.userHandle) {
                json.response.userHandle = base64url(response.userHandle);
            }
        }
        return JSON.stringify(json);
    }

    function tell(button, key) {
        var status = document.getElementById(button.getAttribute('data-status'));
        if (status) {
            status.textContent = button.getAttribute(key);
        }
    }

    function run(button) {
        if (!window.PublicKeyCredential || !navigator.credentials) {
            tell(button, 'data-unsupported');
            return;
        }
        var create = button.getAttribute('data-passkey') === 'create';
        button.disabled = true;
        fetch(button.getAttribute('data-options'), {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Accept': 'application/json'}
        }).then(function (reply) {
            if (!reply.ok) {
                throw new Error('options ' + reply.status);
            }
            return reply.json();
        }).then(function (json) {
            return create
                ? navigator.credentials.create({publicKey: creationOptions(json)})
                : navigator.credentials.get({publicKey: requestOptions(json)});
        }).then(function (credential) {
            document.getElementById(button.getAttribute('data-field')).value = answer(credential);
            document.getElementById(button.getAttribute('data-submit')).click();
        }).catch(function () {
            button.disabled = false;
            tell(button, 'data-failed');
        });
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-passkey]') : null;
        if (button) {
            event.preventDefault();
            run(button);
        }
    });
})();
