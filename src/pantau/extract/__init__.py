"""Mention finding and event coding: time, numbers, casualty claims, actors, triggers, events."""
