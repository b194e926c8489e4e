'use strict'

// DELIBERATELY INSECURE sample app for express-hardening-gate. Never deploy.
const express = require('express')
const session = require('express-session')
const _ = require('lodash')
const usersRouter = require('./routes/users')

// No helmet: no security headers at all.
const app = express()

// Hardcoded session secret and no cookie options (no secure flag, no sameSite).
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }))

// JSON body parser with no explicit size limit.
app.use(express.json())

app.use('/api/users', usersRouter)

const users = { alice: { name: 'Alice', role: 'user' } }

// Prototype pollution: merges untrusted input into a plain object.
app.post('/api/profile', (req, res) => {
  const user = users[req.session.user] || {}
  _.merge(user, req.body)
  res.json(user)
})

// Login with no rate limiting or lockout.
app.post('/login', (req, res) => {
  const { username, password } = req.body
  if (users[username] && password === 'password123') {
    req.session.user = username
    return res.json({ ok: true })
  }
  res.status(401).json({ ok: false })
})

// Leaks stack traces to clients.
app.use((err, req, res, next) => {
  res.status(500).send(err.stack)
})

app.listen(3000)
