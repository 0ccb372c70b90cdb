/** The rosters' domain: inspector entries (ROS-13, ASSIGN-02) and the dated changes the update deadlines count from (ROS-03, ROS-11). */
package org.supervisionhub.domain.roster;
