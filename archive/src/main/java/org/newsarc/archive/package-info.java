package org.newsarc.archive;
