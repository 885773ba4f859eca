// The API description from the portal itself (MicroProfile OpenAPI); no validator badge, which would load
// from another host, and no "try it out": this page describes, it does not call.
window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
        url: document.querySelector('a[href$="/openapi"]').getAttribute('href'),
        dom_id: '#swagger-ui',
        validatorUrl: null,
        deepLinking: false,
        supportedSubmitMethods: []
    });
});
