/**
 * The hub's error vocabulary on every transport: codes, input violations and refusals, with no GraphQL in them; the GraphQL
 * adapter ({@code api.graphql}) and the HTTP filters and uploads report them.
 */
package org.supervisionhub.api.errors;
