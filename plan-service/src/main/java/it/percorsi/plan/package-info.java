/** plan-service: personalised intervention plans and service deliveries. */
package it.percorsi.plan;
