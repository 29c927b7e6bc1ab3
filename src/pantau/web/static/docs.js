// Starts Swagger UI (shipped in static/vendor) on pantau's OpenAPI document; a file so no inline script is needed.
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
