package org.newsarc.crawler;
